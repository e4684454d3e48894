package io.quarry.repository;

import java.util.List;
import java.util.function.Function;

/**
 * A page of results with the total number of rows, with Spring Data's method names. A repository
 * runs the count query only when the page cannot tell the total by itself (a short first or last
 * page). Implementations are immutable and thread-safe when their content is.
 *
 * @param <T> the element type
 */
public interface Page<T> extends Slice<T> {

    /** A page of {@code content} for {@code pageable} out of {@code total} rows. */
    static <T> Page<T> of(List<T> content, Pageable pageable, long total) {
        return new ListPage<>(content, pageable, total);
    }

    /** An empty, unpaged page. */
    static <T> Page<T> empty() {
        return empty(Pageable.unpaged());
    }

    static <T> Page<T> empty(Pageable pageable) {
        return new ListPage<>(List.of(), pageable, 0);
    }

    int getTotalPages();

    long getTotalElements();

    @Override
    <U> Page<U> map(Function<? super T, ? extends U> converter);
}
