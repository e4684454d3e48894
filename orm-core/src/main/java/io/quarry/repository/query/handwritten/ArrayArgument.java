package io.quarry.repository.query.handwritten;

import io.quarry.repository.query.InLists;
import io.quarry.sql.Binding;
import io.quarry.sql.SqlArrays;
import io.quarry.types.Codec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A collection or array argument bound as one SQL array ({@code = any(:ids)}, {@code unnest(:ids)}
 * on PostgreSQL and H2): {@code Connection.createArrayOf} with the element type's name from the
 * dialect and each value as its codec puts it in an array ({@link Codec#arrayElement}). Null binds
 * SQL NULL. One parameter whatever the number of values. Immutable and thread-safe.
 *
 * @param index the argument index
 * @param codec the element type's codec
 * @param typeName the element type as the driver names it
 */
record ArrayArgument(int index, Codec<Object> codec, String typeName) implements Binding {

    @Override
    public void bind(PreparedStatement statement, int position, Object[] args) throws SQLException {
        Object[] values = InLists.toArray(args[index]);
        if (values == null) {
            statement.setNull(position, Types.ARRAY);
            return;
        }
        SqlArrays.bind(statement, position, values, codec, typeName);
    }

    @Override
    public Object describe() {
        return "?" + (index + 1) + "[]";
    }
}
