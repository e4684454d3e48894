package io.quarry.repository;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Queries by example for a repository, as Spring Data's fragment of the same name: declare
 * {@code interface HostRepository extends CrudRepository<Host, Long>, QueryByExampleExecutor<Host>}
 * and Quarry implements these methods. Each call turns the probe into conditions (every
 * non-null property, primitives included since they are never null), renders one statement through
 * the dialect with every value bound, and runs it; a probe of another entity or a matcher path that
 * is no property fails before any SQL. Implementations are thread-safe.
 *
 * @param <T> the repository's entity
 */
public interface QueryByExampleExecutor<T> {

    /** The one entity matching the example; {@link io.quarry.NonUniqueResultException} when several do. */
    <S extends T> Optional<S> findOne(Example<S> example);

    /** Every entity matching the example. */
    <S extends T> List<S> findAll(Example<S> example);

    /** Every entity matching the example, in {@code sort}'s order. */
    <S extends T> List<S> findAll(Example<S> example, Sort sort);

    /** A page of the entities matching the example; the count runs only when the page does not tell the total. */
    <S extends T> Page<S> findAll(Example<S> example, Pageable pageable);

    /** How many entities match the example. */
    <S extends T> long count(Example<S> example);

    /** Whether any entity matches the example (reads at most one id). */
    <S extends T> boolean exists(Example<S> example);

    /**
     * A query by example shaped by {@code queryFunction}: {@code findBy(example, q -> q.sortBy(Sort.by("name")).first())},
     * {@code q.as(HostView.class).all()}, {@code q.page(PageRequest.of(0, 20))}.
     */
    <S extends T, R> R findBy(Example<S> example, Function<FluentQuery.FetchableFluentQuery<S>, R> queryFunction);
}
