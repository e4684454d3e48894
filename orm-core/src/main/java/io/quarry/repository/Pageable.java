package io.quarry.repository;


/**
 * Which page of a query's results to read, and in which order; {@link PageRequest} is the usual
 * implementation, {@link #unpaged()} means "all rows". Implementations are immutable and thread-safe.
 */
public interface Pageable {

    /** All rows, in any order. */
    static Pageable unpaged() {
        return Unpaged.of(Sort.unsorted());
    }

    /** All rows, sorted. */
    static Pageable unpaged(Sort sort) {
        return Unpaged.of(sort);
    }

    /** The first page of {@code pageSize} rows. */
    static Pageable ofSize(int pageSize) {
        return PageRequest.of(0, pageSize);
    }

    boolean isPaged();

    default boolean isUnpaged() {
        return !isPaged();
    }

    /** The 0-based page number. */
    int getPageNumber();

    int getPageSize();

    /** The number of rows before this page: page number times page size. */
    long getOffset();

    Sort getSort();

    /** The sort, or {@code sort} when this one is unsorted. */
    default Sort getSortOr(Sort sort) {
        return getSort().isSorted() ? getSort() : sort;
    }

    Pageable next();

    Pageable previousOrFirst();

    Pageable first();

    Pageable withPage(int pageNumber);

    boolean hasPrevious();
}
