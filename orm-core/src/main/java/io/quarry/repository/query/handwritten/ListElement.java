package io.quarry.repository.query.handwritten;

import io.quarry.sql.Binding;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * One value of a collection argument written as a list ({@code in (:ids)}): the {@code element}th of
 * the padded array {@link ListArguments} put in the argument's place, bound through the element
 * type's codec, or through the codec of its run-time class when the declared type says too little.
 * Immutable and thread-safe.
 *
 * @param index the argument index
 * @param element the position in the padded array
 * @param codec the element type's codec, or null
 * @param codecs where a value's codec is looked up when {@code codec} is null
 */
record ListElement(int index, int element, Codec<Object> codec, CodecRegistry codecs) implements Binding {

    @Override
    @SuppressWarnings("unchecked")
    public void bind(PreparedStatement statement, int position, Object[] args) throws SQLException {
        Object value = ((Object[]) args[index])[element];
        if (value == null) {
            if (codec == null) {
                statement.setNull(position, Types.NULL);
            } else {
                codec.bindNull(statement, position);
            }
        } else {
            Codec<Object> valueCodec = codec != null ? codec : (Codec<Object>) codecs.forValue(value);
            valueCodec.bind(statement, position, value);
        }
    }

    @Override
    public Object describe() {
        return "?" + (index + 1) + "[" + element + "]";
    }
}
