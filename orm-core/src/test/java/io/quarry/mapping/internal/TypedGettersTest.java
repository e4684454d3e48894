package io.quarry.mapping.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The primitive getters of generated readers refuse a NULL (on H2) and read a real zero or false as such. */
class TypedGettersTest {

    private interface Getter {
        Object read(ResultSet resultSet, int column) throws SQLException;
    }

    private static void check(String type, Getter getter, Object zero) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:", "sa", "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select cast(null as " + type + "), cast(0 as " + type + ")")) {
            row.next();
            assertThatThrownBy(() -> getter.read(row, 1)).as(type).isSameAs(TypedGetters.NULL_INTO_PRIMITIVE);
            assertThat(getter.read(row, 2)).as(type).isEqualTo(zero);
        }
    }

    @Test
    void everyPrimitiveGetterRefusesNullAndReadsZero() throws SQLException {
        check("boolean", TypedGetters::booleanValue, false);
        check("tinyint", TypedGetters::byteValue, (byte) 0);
        check("smallint", TypedGetters::shortValue, (short) 0);
        check("integer", TypedGetters::intValue, 0);
        check("bigint", TypedGetters::longValue, 0L);
        check("real", TypedGetters::floatValue, 0.0f);
        check("double precision", TypedGetters::doubleValue, 0.0);
    }
}
