package io.quarry.sql;

import io.quarry.types.Codec;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A value fixed when the statement was built, bound through its codec. Immutable.
 *
 * @param value the value, possibly null
 * @param codec the codec that binds it
 */
public record ValueBinding(Object value, Codec<Object> codec) implements Binding {

    @Override
    public void bind(PreparedStatement statement, int index, Object[] args) throws SQLException {
        if (value == null) {
            codec.bindNull(statement, index);
        } else {
            codec.bind(statement, index, value);
        }
    }

    @Override
    public Object describe() {
        return value;
    }
}
