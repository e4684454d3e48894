package io.quarry.repository.query.handwritten;

import io.quarry.repository.query.InLists;
import io.quarry.session.NamedSql;
import io.quarry.sql.Binding;
import io.quarry.sql.SqlStatement;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written SQL whose placeholders are resolved to what fills them: one binding, or the values of
 * a collection argument written as a list. {@link #render} writes the statement of one call shape
 * (the lists' buckets); the SQL was parsed once, rendering only splices placeholders. Immutable and
 * thread-safe.
 *
 * @param sql the parsed SQL
 * @param placeholders one per placeholder of {@code sql}, in order
 */
record SqlTemplate(NamedSql sql, List<Placeholder> placeholders) {

    /**
     * What fills one placeholder: {@code binding}, or (when it is null) the values of the list
     * argument {@code argument}, whose bucket is at {@code shift} in the call shape.
     *
     * @param codec the elements' codec, or null to look each value's up
     */
    record Placeholder(Binding binding, int argument, int shift, Codec<Object> codec) {

        static Placeholder single(Binding binding) {
            return new Placeholder(binding, -1, -1, null);
        }

        static Placeholder list(int argument, int shift, Codec<Object> codec) {
            return new Placeholder(null, argument, shift, codec);
        }
    }

    SqlTemplate {
        placeholders = List.copyOf(placeholders);
    }

    /** Whether every call has the same statement. */
    boolean fixed() {
        return placeholders.stream().allMatch(placeholder -> placeholder.binding() != null);
    }

    /** The statement of the call shape {@code shape}. */
    SqlStatement render(long shape, CodecRegistry codecs) {
        if (fixed()) {
            return new SqlStatement(sql.sql(), placeholders.stream().map(Placeholder::binding).toList());
        }
        int[] sizes = new int[placeholders.size()];
        List<Binding> bindings = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            Placeholder placeholder = placeholders.get(i);
            if (placeholder.binding() != null) {
                sizes[i] = -1;
                bindings.add(placeholder.binding());
                continue;
            }
            sizes[i] = InLists.size(shape, placeholder.shift());
            for (int element = 0; element < sizes[i]; element++) {
                bindings.add(new ListElement(placeholder.argument(), element, placeholder.codec(), codecs));
            }
        }
        return new SqlStatement(sql.expand(sizes), bindings);
    }
}
