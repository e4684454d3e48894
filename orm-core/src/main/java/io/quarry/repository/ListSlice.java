package io.quarry.repository;

import java.util.List;
import java.util.function.Function;

/** A {@link Slice} over a list: the content of one page and whether another follows. Immutable. */
final class ListSlice<T> extends ListChunk<T> implements Slice<T> {

    private final boolean hasNext;

    public ListSlice(List<T> content, Pageable pageable, boolean hasNext) {
        super(content, pageable);
        this.hasNext = hasNext;
    }

    @Override
    public boolean hasNext() {
        return hasNext;
    }

    @Override
    public <U> Slice<U> map(Function<? super T, ? extends U> converter) {
        return new ListSlice<>(content.stream().<U>map(converter).toList(), pageable, hasNext);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListSlice<?> slice && slice.content.equals(content) && slice.pageable.equals(pageable)
                && slice.hasNext == hasNext;
    }

    @Override
    public int hashCode() {
        return content.hashCode() * 31 + pageable.hashCode();
    }

    @Override
    public String toString() {
        return "Slice " + getNumber() + " containing " + content.size() + " elements" + (hasNext ? ", more follow" : "");
    }
}
