package io.quarry.repository.internal;

import io.quarry.repository.Pageable;
import io.quarry.repository.Slice;
import io.quarry.repository.Sort;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** A {@link Slice} over a list: the content of one page and whether another follows. Immutable. */
public final class ListSlice<T> implements Slice<T> {

    private final List<T> content;
    private final Pageable pageable;
    private final boolean hasNext;

    public ListSlice(List<T> content, Pageable pageable, boolean hasNext) {
        this.content = java.util.Collections.unmodifiableList(new ArrayList<>(content));
        this.pageable = pageable;
        this.hasNext = hasNext;
    }

    @Override
    public int getNumber() {
        return pageable.isPaged() ? pageable.getPageNumber() : 0;
    }

    @Override
    public int getSize() {
        return pageable.isPaged() ? pageable.getPageSize() : content.size();
    }

    @Override
    public int getNumberOfElements() {
        return content.size();
    }

    @Override
    public List<T> getContent() {
        return content;
    }

    @Override
    public Sort getSort() {
        return pageable.getSort();
    }

    @Override
    public boolean isFirst() {
        return !hasPrevious();
    }

    @Override
    public boolean isLast() {
        return !hasNext();
    }

    @Override
    public boolean hasNext() {
        return hasNext;
    }

    @Override
    public boolean hasPrevious() {
        return getNumber() > 0;
    }

    @Override
    public Pageable getPageable() {
        return pageable;
    }

    @Override
    public Pageable nextPageable() {
        return hasNext() ? pageable.next() : Pageable.unpaged();
    }

    @Override
    public Pageable previousPageable() {
        return hasPrevious() ? pageable.previousOrFirst() : Pageable.unpaged();
    }

    @Override
    public <U> Slice<U> map(Function<? super T, ? extends U> converter) {
        return new ListSlice<>(content.stream().<U>map(converter).toList(), pageable, hasNext);
    }

    @Override
    public Iterator<T> iterator() {
        return content.iterator();
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
