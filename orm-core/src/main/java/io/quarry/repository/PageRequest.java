package io.quarry.repository;

import java.util.Objects;

/**
 * A page number, a page size and a sort: {@code PageRequest.of(0, 20, Sort.by("hostname"))}.
 * Immutable and thread-safe.
 */
public final class PageRequest implements Pageable {

    private final int page;
    private final int size;
    private final Sort sort;

    private PageRequest(int page, int size, Sort sort) {
        if (page < 0) {
            throw new InvalidArgumentException("Page number " + page + " is negative; pages are numbered from 0");
        }
        if (size < 1) {
            throw new InvalidArgumentException("Page size " + size + " must be at least 1");
        }
        this.page = page;
        this.size = size;
        this.sort = Objects.requireNonNull(sort, "sort; use Sort.unsorted()");
    }

    /** Page {@code page} (0-based) of {@code size} rows, unsorted. */
    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size, Sort.unsorted());
    }

    public static PageRequest of(int page, int size, Sort sort) {
        return new PageRequest(page, size, sort);
    }

    public static PageRequest of(int page, int size, Sort.Direction direction, String... properties) {
        return new PageRequest(page, size, Sort.by(direction, properties));
    }

    /** The first page of {@code size} rows. */
    public static PageRequest ofSize(int size) {
        return new PageRequest(0, size, Sort.unsorted());
    }

    public PageRequest withSort(Sort value) {
        return new PageRequest(page, size, value);
    }

    @Override
    public boolean isPaged() {
        return true;
    }

    @Override
    public int getPageNumber() {
        return page;
    }

    @Override
    public int getPageSize() {
        return size;
    }

    @Override
    public long getOffset() {
        return (long) page * size;
    }

    @Override
    public Sort getSort() {
        return sort;
    }

    @Override
    public PageRequest next() {
        return new PageRequest(page + 1, size, sort);
    }

    @Override
    public PageRequest previousOrFirst() {
        return page == 0 ? this : new PageRequest(page - 1, size, sort);
    }

    @Override
    public PageRequest first() {
        return new PageRequest(0, size, sort);
    }

    @Override
    public PageRequest withPage(int pageNumber) {
        return new PageRequest(pageNumber, size, sort);
    }

    @Override
    public boolean hasPrevious() {
        return page > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageRequest request && request.page == page && request.size == size
                && request.sort.equals(sort);
    }

    @Override
    public int hashCode() {
        return Objects.hash(page, size, sort);
    }

    @Override
    public String toString() {
        return "Page request [number: " + page + ", size " + size + ", sort: " + sort + "]";
    }
}
