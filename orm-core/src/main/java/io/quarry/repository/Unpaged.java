package io.quarry.repository;


/** {@link Pageable#unpaged()}: every row, optionally sorted. Immutable and thread-safe. */
final class Unpaged implements Pageable {

    private static final Unpaged UNSORTED = new Unpaged(Sort.unsorted());

    private final Sort sort;

    private Unpaged(Sort sort) {
        this.sort = sort;
    }

    public static Unpaged of(Sort sort) {
        return sort == null || sort.isUnsorted() ? UNSORTED : new Unpaged(sort);
    }

    @Override
    public boolean isPaged() {
        return false;
    }

    @Override
    public int getPageNumber() {
        throw unsupported("getPageNumber");
    }

    @Override
    public int getPageSize() {
        throw unsupported("getPageSize");
    }

    @Override
    public long getOffset() {
        throw unsupported("getOffset");
    }

    @Override
    public Sort getSort() {
        return sort;
    }

    @Override
    public Pageable next() {
        return this;
    }

    @Override
    public Pageable previousOrFirst() {
        return this;
    }

    @Override
    public Pageable first() {
        return this;
    }

    @Override
    public Pageable withPage(int pageNumber) {
        if (pageNumber == 0) {
            return this;
        }
        throw unsupported("withPage(" + pageNumber + ")");
    }

    @Override
    public boolean hasPrevious() {
        return false;
    }

    private static InvalidArgumentException unsupported(String what) {
        return new InvalidArgumentException("Pageable.unpaged() has no " + what + "; check isPaged() first");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Unpaged unpaged && unpaged.sort.equals(sort);
    }

    @Override
    public int hashCode() {
        return sort.hashCode();
    }

    @Override
    public String toString() {
        return "UNPAGED" + (sort.isSorted() ? " (" + sort + ")" : "");
    }
}
