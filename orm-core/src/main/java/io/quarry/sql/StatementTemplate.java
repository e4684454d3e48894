package io.quarry.sql;

import io.quarry.types.CodecRegistry;
import java.util.List;

/**
 * The rendered text of one {@link StatementShape} and how each of its placeholders is bound: what
 * {@link RenderedSelects} keeps, so that a statement of a shape it has seen is bound, not rendered.
 * Immutable and thread-safe (it holds no values).
 */
final class StatementTemplate {

    private final String sql;
    private final Values.Slot[] slots;

    StatementTemplate(String sql, Values.Slot[] slots) {
        this.sql = sql;
        this.slots = slots;
    }

    /** The statement with {@code values} (a shape's, in its order) bound: converted and checked as rendering does. */
    SqlStatement bind(List<Object> values, CodecRegistry codecs) {
        Binding[] bindings = new Binding[slots.length];
        for (int i = 0; i < slots.length; i++) {
            bindings[i] = slots[i].binding(values.get(i), codecs);
        }
        return new SqlStatement(sql, List.of(bindings));
    }

    /** Fails as {@link #bind} would for {@code values}, binding nothing. */
    void check(List<Object> values, CodecRegistry codecs) {
        for (int i = 0; i < slots.length; i++) {
            slots[i].check(values.get(i), codecs);
        }
    }

}
