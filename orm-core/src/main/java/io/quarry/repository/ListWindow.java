package io.quarry.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;

/** A {@link Window} over a list and a function giving each row's position. Immutable. */
final class ListWindow<T> implements Window<T> {

    private final List<T> content;
    private final IntFunction<? extends ScrollPosition> positions;
    private final boolean hasNext;

    ListWindow(List<T> content, IntFunction<? extends ScrollPosition> positions, boolean hasNext) {
        this.content = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(content, "content")));
        this.positions = Objects.requireNonNull(positions, "positionFunction");
        this.hasNext = hasNext;
    }

    @Override
    public int size() {
        return content.size();
    }

    @Override
    public boolean isEmpty() {
        return content.isEmpty();
    }

    @Override
    public List<T> getContent() {
        return content;
    }

    @Override
    public boolean hasNext() {
        return hasNext;
    }

    @Override
    public ScrollPosition positionAt(int index) {
        Objects.checkIndex(index, content.size());
        return positions.apply(index);
    }

    @Override
    public <U> Window<U> map(Function<? super T, ? extends U> converter) {
        return new ListWindow<>(content.stream().<U>map(converter).toList(), positions, hasNext);
    }

    @Override
    public Iterator<T> iterator() {
        return content.iterator();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListWindow<?> window && window.content.equals(content) && window.hasNext == hasNext;
    }

    @Override
    public int hashCode() {
        return content.hashCode() * 31 + Boolean.hashCode(hasNext);
    }

    @Override
    public String toString() {
        return "Window containing " + content.size() + " elements" + (hasNext ? ", more follow" : "");
    }
}
