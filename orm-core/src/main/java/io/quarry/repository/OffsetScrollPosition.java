package io.quarry.repository;

import java.util.function.IntFunction;

/**
 * A position by row number, as Spring Data's: {@link ScrollPosition#offset(long) offset(n)} is the
 * position of the row at 0-based offset {@code n}, and the window scrolled to from it starts with the
 * row after it; the initial position ({@link ScrollPosition#offset()}) points at no row and scrolls to
 * the first. Immutable and thread-safe.
 */
public final class OffsetScrollPosition implements ScrollPosition {

    private static final OffsetScrollPosition INITIAL = new OffsetScrollPosition(-1);

    private final long offset;

    private OffsetScrollPosition(long offset) {
        this.offset = offset;
    }

    static OffsetScrollPosition initial() {
        return INITIAL;
    }

    static OffsetScrollPosition of(long offset) {
        if (offset < 0) {
            throw new InvalidArgumentException("ScrollPosition.offset(" + offset + "): the offset must be 0 or more; "
                    + "ScrollPosition.offset() starts at the beginning");
        }
        return new OffsetScrollPosition(offset);
    }

    /** The positions of a window whose first row is at 0-based {@code startOffset}. */
    public static IntFunction<OffsetScrollPosition> positionFunction(long startOffset) {
        if (startOffset < 0) {
            throw new InvalidArgumentException("positionFunction(" + startOffset + "): the start offset must be 0 or "
                    + "more");
        }
        return index -> {
            if (index < 0) {
                throw new IndexOutOfBoundsException(index);
            }
            return new OffsetScrollPosition(startOffset + index);
        };
    }

    /** The positions of the window scrolled to from this position: its first row is the one after this. */
    public IntFunction<OffsetScrollPosition> positionFunction() {
        return positionFunction(offset + 1);
    }

    /**
     * The 0-based offset of the row this position points at.
     *
     * @throws IllegalStateException for the initial position, which points at none
     */
    public long getOffset() {
        if (offset < 0) {
            throw new IllegalStateException("The initial offset position points at no row; check isInitial() first");
        }
        return offset;
    }

    /** This position moved by {@code delta} rows, at least to offset 0. */
    public OffsetScrollPosition advanceBy(long delta) {
        long value = isInitial() ? delta : offset + delta;
        return new OffsetScrollPosition(Math.max(value, 0));
    }

    @Override
    public boolean isInitial() {
        return offset == -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OffsetScrollPosition position && position.offset == offset;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset);
    }

    @Override
    public String toString() {
        return "OffsetScrollPosition [" + offset + "]";
    }
}
