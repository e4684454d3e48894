package io.quarry.repository.query.handwritten;

import io.quarry.sql.Binding;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Binds an argument whose declared type says too little (Object) through the codec of its
 * run-time class: a map lookup, no reflection. Immutable and thread-safe.
 *
 * @param index the argument index
 * @param codecs where the codec is looked up
 */
record ArgumentBinding(int index, CodecRegistry codecs) implements Binding {

    @Override
    @SuppressWarnings("unchecked")
    public void bind(PreparedStatement statement, int position, Object[] args) throws SQLException {
        Object value = args[index];
        if (value == null) {
            statement.setNull(position, Types.NULL);
        } else {
            ((Codec<Object>) codecs.forValue(value)).bind(statement, position, value);
        }
    }

    @Override
    public Object describe() {
        return "?" + (index + 1);
    }
}
