package io.quarry.sql;

import io.quarry.types.Codec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A list of keys bound as one SQL array ({@code where <key> = any(?)}), for the relation loads of a
 * database with arrays: one parameter however many keys, so the statement's text is the same for
 * every load and the server plans it once, where an IN list of 1,000 placeholders is a new text for
 * every length and costs the server a plan of its 1,000 values. Immutable.
 *
 * @param keys the keys, none null
 * @param codec the keys' codec (a built-in one: see {@link RelationSelect})
 * @param typeName the element type as the driver names it ({@code Dialect.arrayElementType})
 */
record KeyArrayBinding(List<?> keys, Codec<Object> codec, String typeName) implements Binding {

    @Override
    public void bind(PreparedStatement statement, int index, Object[] args) throws SQLException {
        SqlArrays.bind(statement, index, keys.toArray(), codec, typeName);
    }

    @Override
    public Object describe() {
        return keys;
    }
}
