package io.quarry.repository;

import java.util.Map;

/**
 * Where a {@link Window} of query results starts, as Spring Data's {@code ScrollPosition}: the
 * beginning ({@link #keyset()}, {@link #offset()}), a position a window handed out
 * ({@link Window#positionAt(int)}), or one built from saved keys ({@link #forward(Map)}). A keyset
 * position continues after the row whose sort keys it holds, with a WHERE on those keys; an offset
 * position skips rows with OFFSET. Implementations are immutable and thread-safe.
 */
public sealed interface ScrollPosition permits KeysetScrollPosition, OffsetScrollPosition {

    /** Whether this position is the start of the results. */
    boolean isInitial();

    /** The start of keyset scrolling. */
    static KeysetScrollPosition keyset() {
        return KeysetScrollPosition.initial();
    }

    /** The start of offset scrolling. */
    static OffsetScrollPosition offset() {
        return OffsetScrollPosition.initial();
    }

    /**
     * The position of the row at 0-based {@code offset}; the window scrolled to from it starts with the
     * row after it ({@code offset + 1}), as in Spring Data.
     */
    static OffsetScrollPosition offset(long offset) {
        return OffsetScrollPosition.of(offset);
    }

    /** A keyset position scrolling forward from the row whose sort keys are {@code keys}. */
    static KeysetScrollPosition forward(Map<String, ?> keys) {
        return of(keys, Direction.FORWARD);
    }

    /** A keyset position scrolling backward from the row whose sort keys are {@code keys}. */
    static KeysetScrollPosition backward(Map<String, ?> keys) {
        return of(keys, Direction.BACKWARD);
    }

    /** A keyset position from {@code keys} (property name to value) in {@code direction}; empty keys: the start. */
    static KeysetScrollPosition of(Map<String, ?> keys, Direction direction) {
        return KeysetScrollPosition.of(keys, direction);
    }

    /** The direction of keyset scrolling. */
    enum Direction {
        /** From the first results to the last (the default). */
        FORWARD,
        /** From the last results to the first: the rows before the position, in the query's order. */
        BACKWARD;

        Direction reverse() {
            return this == FORWARD ? BACKWARD : FORWARD;
        }
    }
}
