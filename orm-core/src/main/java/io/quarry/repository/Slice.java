package io.quarry.repository;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A page of results that knows whether another page follows, without counting all rows (the query
 * reads one row more than the page size). Implementations are immutable and thread-safe when
 * their content is.
 *
 * @param <T> the element type
 */
public interface Slice<T> extends Iterable<T> {

    /** A slice of {@code content} for {@code pageable}; {@code hasNext} says whether more rows follow. */
    static <T> Slice<T> of(List<T> content, Pageable pageable, boolean hasNext) {
        return new ListSlice<>(content, pageable, hasNext);
    }

    /** The 0-based page number. */
    int getNumber();

    /** The page size asked for. */
    int getSize();

    /** The rows on this page; fewer than {@link #getSize()} on the last page. */
    int getNumberOfElements();

    List<T> getContent();

    default boolean hasContent() {
        return !getContent().isEmpty();
    }

    Sort getSort();

    boolean isFirst();

    boolean isLast();

    boolean hasNext();

    boolean hasPrevious();

    /** The request that produced this page. */
    Pageable getPageable();

    /** The request for the next page, or {@link Pageable#unpaged()} on the last one. */
    Pageable nextPageable();

    /** The request for the previous page, or {@link Pageable#unpaged()} on the first one. */
    Pageable previousPageable();

    /** A slice with every element converted by {@code converter}. */
    <U> Slice<U> map(Function<? super T, ? extends U> converter);

    default Stream<T> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
