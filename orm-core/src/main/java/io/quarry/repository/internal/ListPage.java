package io.quarry.repository.internal;

import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import io.quarry.repository.Sort;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** A {@link Page} over a list, with the total row count. Immutable. */
public final class ListPage<T> implements Page<T> {

    private final List<T> content;
    private final Pageable pageable;
    private final long total;

    public ListPage(List<T> content, Pageable pageable, long total) {
        this.content = java.util.Collections.unmodifiableList(new ArrayList<>(content));
        this.pageable = pageable;
        // a count taken in a separate statement may lag the content; never report fewer rows than seen
        long seen = content.isEmpty() ? 0 : pageable.isPaged() ? pageable.getOffset() + content.size() : content.size();
        this.total = Math.max(total, seen);
    }

    @Override
    public int getTotalPages() {
        int size = getSize();
        return size == 0 ? 1 : (int) Math.ceil((double) total / size);
    }

    @Override
    public long getTotalElements() {
        return total;
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
        return getNumber() + 1 < getTotalPages();
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
    public <U> Page<U> map(Function<? super T, ? extends U> converter) {
        return new ListPage<>(content.stream().<U>map(converter).toList(), pageable, total);
    }

    @Override
    public Iterator<T> iterator() {
        return content.iterator();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListPage<?> page && page.content.equals(content) && page.pageable.equals(pageable)
                && page.total == total;
    }

    @Override
    public int hashCode() {
        return content.hashCode() * 31 + Long.hashCode(total);
    }

    @Override
    public String toString() {
        return "Page " + (getNumber() + 1) + " of " + getTotalPages() + " containing " + content.size() + " elements";
    }
}
