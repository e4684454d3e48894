package io.quarry.repository;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Iterates over the rows of every window a scrolling query reads, one window at a time, as Spring
 * Data's {@code WindowIterator}:
 * {@code WindowIterator.of(position -> hosts.findFirst100ByRackOrderByHostname("r1", position)).startingAt(ScrollPosition.keyset())}.
 * The next window is read when the rows of the current one are used up, from the position of its last
 * row (its first row when a keyset position scrolls backward). Not thread-safe.
 *
 * @param <T> the element type
 */
public final class WindowIterator<T> implements Iterator<T> {

    private final Function<ScrollPosition, Window<T>> windows;
    private ScrollPosition position;
    private Window<T> window;
    private Iterator<T> rows;

    private WindowIterator(Function<ScrollPosition, Window<T>> windows, ScrollPosition position) {
        this.windows = windows;
        this.position = position;
    }

    /** Starts building an iterator over the windows {@code windows} reads from a position. */
    public static <T> Builder<T> of(Function<ScrollPosition, Window<T>> windows) {
        if (windows == null) {
            throw new InvalidArgumentException("WindowIterator.of(null): pass the query that reads a window from a "
                    + "position, e.g. position -> repository.findFirst10ByOrderByName(position)");
        }
        return new Builder<>(windows);
    }

    @Override
    public boolean hasNext() {
        while (true) {
            if (window == null) {
                window = windows.apply(position);
                rows = window.iterator();
            }
            if (rows.hasNext()) {
                return true;
            }
            if (!window.hasNext() || window.isEmpty()) {
                return false;
            }
            boolean backward = position instanceof KeysetScrollPosition keyset && keyset.scrollsBackward();
            position = window.positionAt(backward ? 0 : window.size() - 1);
            window = null;
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows in the last window");
        }
        return rows.next();
    }

    /** Says where the iterator starts. */
    public static final class Builder<T> {

        private final Function<ScrollPosition, Window<T>> windows;

        private Builder(Function<ScrollPosition, Window<T>> windows) {
            this.windows = windows;
        }

        /** The iterator, reading its first window from {@code position}. */
        public WindowIterator<T> startingAt(ScrollPosition position) {
            if (position == null) {
                throw new InvalidArgumentException("WindowIterator.startingAt(null): pass ScrollPosition.keyset() or "
                        + "ScrollPosition.offset() to start at the beginning");
            }
            return new WindowIterator<>(windows, position);
        }
    }
}
