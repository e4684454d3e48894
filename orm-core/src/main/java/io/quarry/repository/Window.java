package io.quarry.repository;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One window of results read by scrolling, as Spring Data's {@code Window}: the rows, whether more
 * follow, and the {@link ScrollPosition} of each row to scroll on from
 * ({@code repository.findFirst10ByRackOrderByHostname("r1", window.positionAt(window.size() - 1))}).
 * Unlike a {@link Slice} it knows no page number: the next window may be read with a keyset WHERE
 * instead of an OFFSET. Implementations are immutable and thread-safe when their content is.
 *
 * @param <T> the element type
 */
public interface Window<T> extends Iterable<T> {

    /** A window of {@code items} whose positions {@code positionFunction} gives, the last one. */
    static <T> Window<T> from(List<T> items, IntFunction<? extends ScrollPosition> positionFunction) {
        return new ListWindow<>(items, positionFunction, false);
    }

    /** A window of {@code items} whose positions {@code positionFunction} gives; {@code hasNext}: more follow. */
    static <T> Window<T> from(List<T> items, IntFunction<? extends ScrollPosition> positionFunction, boolean hasNext) {
        return new ListWindow<>(items, positionFunction, hasNext);
    }

    /** The number of rows in this window. */
    int size();

    boolean isEmpty();

    List<T> getContent();

    /** Whether no window follows this one (in its scrolling direction). */
    default boolean isLast() {
        return !hasNext();
    }

    /** Whether another window follows this one (in its scrolling direction). */
    boolean hasNext();

    /** Whether {@link #positionAt(int)} can give the position of row {@code index}. */
    default boolean hasPosition(int index) {
        try {
            positionAt(index);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * The position of row {@code index}, to scroll on from.
     *
     * @throws IndexOutOfBoundsException when {@code index} is not a row of this window
     * @throws IllegalStateException when no position can be made for that row (a keyset position for a
     *     row whose sort key is NULL)
     */
    ScrollPosition positionAt(int index);

    /**
     * The position of {@code object}, a row of this window.
     *
     * @throws NoSuchElementException when it is not in the window
     */
    default ScrollPosition positionAt(T object) {
        int index = getContent().indexOf(object);
        if (index < 0) {
            throw new NoSuchElementException(object + " is not a row of this window");
        }
        return positionAt(index);
    }

    /** A window with every row converted by {@code converter} and the same positions. */
    <U> Window<U> map(Function<? super T, ? extends U> converter);

    default Stream<T> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
