package io.quarry.repository.query.handwritten;

import io.quarry.repository.query.InLists;
import java.util.Arrays;
import java.util.List;

/**
 * Prepares the arguments of an {@code @Query} call, decided once per method: copies them into an
 * array with two more slots (LIMIT and OFFSET) and puts, in place of each collection argument
 * written as a list, its values padded to a size bucket ({@link InLists}). The buckets make the
 * call's shape, which picks the statement; null and an empty collection are both bucket 0, written
 * {@code null}. Immutable and thread-safe.
 */
final class ListArguments {

    /** A collection parameter written as a list: where its bucket goes in the shape. */
    record Slot(int argument, String what, int shift) {
    }

    /** A prepared call: the arguments to bind and the shape that picks the statement. */
    record Call(Object[] args, long shape) {
    }

    private final String method;
    private final Slot[] slots;
    private final int count;

    ListArguments(String method, List<Slot> slots, int count) {
        this.method = method;
        this.slots = slots.toArray(Slot[]::new);
        this.count = count;
    }

    Call prepare(Object[] args) {
        Object[] bound = Arrays.copyOf(args == null ? new Object[0] : args, count + 2);
        long shape = 0;
        for (Slot slot : slots) {
            Object[] values = InLists.toArray(bound[slot.argument()]);
            if (values == null || values.length == 0) {
                bound[slot.argument()] = null;
                continue;
            }
            Object[] padded = InLists.padded(values, method + ": " + slot.what(),
                    "split the list, or bind it as one array (= any(:name)) where the database has arrays");
            bound[slot.argument()] = padded;
            shape |= (long) InLists.code(padded.length) << slot.shift();
        }
        return new Call(bound, shape);
    }
}
