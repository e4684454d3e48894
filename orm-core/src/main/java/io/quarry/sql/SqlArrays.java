package io.quarry.sql;

import io.quarry.types.Codec;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds values as one SQL array ({@code = any(?)}, {@code unnest(?)} on PostgreSQL and H2): each
 * non-null value as its codec puts it in an array ({@link Codec#arrayElement}), then
 * {@code Connection.createArrayOf} with the element type's name from the dialect. Shared by the
 * relation loads' keys and {@code @Query} collection arguments. Stateless.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** Binds {@code values} (converted in place) as one array of {@code typeName} at the 1-based {@code index}. */
    public static void bind(PreparedStatement statement, int index, Object[] values, Codec<Object> codec,
            String typeName) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                values[i] = codec.arrayElement(values[i]);
            }
        }
        statement.setArray(index, statement.getConnection().createArrayOf(typeName, values));
    }
}
