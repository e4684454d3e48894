package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Fixed values and run-time arguments reach the database as bound, NULL included (on H2). */
class BindingTest {

    @SuppressWarnings("unchecked")
    private final Codec<Object> intCodec = (Codec<Object>) CodecRegistry.withDefaults().lookup(Integer.class, false);

    @Test
    void bindsAFixedNullAsSqlNullAndAValueThroughItsCodec() throws SQLException {
        SqlStatement statement = new SqlStatement("select cast(? as integer), cast(? as integer)",
                List.of(new ValueBinding(null, intCodec), new ValueBinding(7, intCodec)));

        assertThat(run(statement, new Object[0])).containsExactly(null, 7);
    }

    @Test
    void bindsANullArgumentAsSqlNullAndTransformsOthers() throws SQLException {
        UnaryOperator<Object> doubled = value -> value == null ? null : (Integer) value * 2;
        SqlStatement statement = new SqlStatement("select cast(? as integer), cast(? as integer)",
                List.of(new Parameter(1, intCodec, doubled), new Parameter(0, intCodec, doubled)));

        assertThat(run(statement, new Object[] {21, null})).containsExactly(null, 42);
        assertThat(statement.values()).containsExactly("?2", "?1");
    }

    private static List<Object> run(SqlStatement statement, Object[] args) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:", "sa", "");
                PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            statement.bind(prepared, args);
            try (ResultSet rows = prepared.executeQuery()) {
                rows.next();
                List<Object> values = new ArrayList<>();
                for (int column = 1; column <= statement.bindings().size(); column++) {
                    values.add(rows.getObject(column));
                }
                return values;
            }
        }
    }
}
