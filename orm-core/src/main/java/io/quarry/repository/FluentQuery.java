package io.quarry.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A query being shaped before it runs, as Spring Data's {@code FluentQuery}: order, a row limit,
 * a projection, then one terminal. Every method returns a new query; nothing runs before the
 * terminal. Immutable and thread-safe.
 *
 * @param <T> the type of the results
 */
public interface FluentQuery<T> {

    /** Adds {@code sort}'s orders after those already given. */
    FluentQuery<T> sortBy(Sort sort);

    /** Reads at most {@code limit} rows ({@link FetchableFluentQuery#page} and counts ignore it, as in Spring Data). */
    FluentQuery<T> limit(int limit);

    /**
     * Results as {@code type}: the entity, an interface of getters or a DTO whose constructor takes
     * properties by name (only those columns are read).
     */
    <R> FluentQuery<R> as(Class<R> type);

    /**
     * Names the properties to read. Quarry reads whole entities, so this only checks the names;
     * use {@link #as(Class)} to read fewer columns.
     */
    FluentQuery<T> project(Collection<String> properties);

    /** {@link #project(Collection)} with varargs. */
    default FluentQuery<T> project(String... properties) {
        return project(List.of(properties));
    }

    /** The terminals of a query by example or by predicate. */
    interface FetchableFluentQuery<T> extends FluentQuery<T> {

        @Override
        FetchableFluentQuery<T> sortBy(Sort sort);

        @Override
        FetchableFluentQuery<T> limit(int limit);

        @Override
        <R> FetchableFluentQuery<R> as(Class<R> type);

        @Override
        FetchableFluentQuery<T> project(Collection<String> properties);

        @Override
        default FetchableFluentQuery<T> project(String... properties) {
            return project(List.of(properties));
        }

        /** The one result, empty when none; {@link io.quarry.NonUniqueResultException} when several. */
        Optional<T> one();

        /** The one result or {@code null}; {@link io.quarry.NonUniqueResultException} when several. */
        T oneValue();

        /** The first result in the query's order, empty when none (reads one row). */
        Optional<T> first();

        /** The first result or {@code null}. */
        T firstValue();

        /** Every result. */
        List<T> all();

        /** Page {@code pageable} of the results; the count runs only when the page does not tell the total. */
        Page<T> page(Pageable pageable);

        /** Slice {@code pageable} of the results, read with one row more to tell whether more follow. */
        Slice<T> slice(Pageable pageable);

        /**
         * The window of results after {@code position}, as Spring Data's {@code FluentQuery.scroll}: at most
         * {@link #limit(int)} rows (every row without a limit), in the order of {@link #sortBy(Sort)}. A keyset
         * position reads the rows after its keys with a WHERE on them (the id appended to the order as a
         * tiebreaker), never OFFSET; an offset position skips rows with OFFSET.
         */
        Window<T> scroll(ScrollPosition position);

        /** The results as a stream holding the statement open: close it (try-with-resources). */
        Stream<T> stream();

        /** How many rows match. */
        long count();

        /** Whether any row matches. */
        boolean exists();
    }
}
