package io.quarry.sql;

import io.quarry.types.Codec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * A placeholder for the run-time argument at {@code index}, optionally transformed before it is
 * bound (e.g. escaped and wrapped in {@code %} for Containing). Used by repository methods,
 * whose SQL is rendered once. Immutable.
 *
 * @param index the 0-based argument index
 * @param codec the codec that binds it
 * @param transform applied to the argument before binding
 */
public record Parameter(int index, Codec<Object> codec, UnaryOperator<Object> transform) implements Binding {

    @Override
    public void bind(PreparedStatement statement, int position, Object[] args) throws SQLException {
        Object value = transform.apply(args[index]);
        if (value == null) {
            codec.bindNull(statement, position);
        } else {
            codec.bind(statement, position, value);
        }
    }

    @Override
    public Object describe() {
        return "?" + (index + 1);
    }
}
