package io.quarry.repository;

import java.util.List;
import java.util.function.Function;

/** A {@link Page} over a list, with the total row count. Immutable. */
final class ListPage<T> extends ListChunk<T> implements Page<T> {

    private final long total;

    public ListPage(List<T> content, Pageable pageable, long total) {
        super(content, pageable);
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
    public boolean hasNext() {
        return getNumber() + 1 < getTotalPages();
    }

    @Override
    public <U> Page<U> map(Function<? super T, ? extends U> converter) {
        return new ListPage<>(content.stream().<U>map(converter).toList(), pageable, total);
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
