package io.quarry.repository;

import io.quarry.sql.Predicate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Queries with Quarry's own type-safe conditions, the role of Spring Data JPA's
 * {@code JpaSpecificationExecutor} and Querydsl's {@code QuerydslPredicateExecutor} without code
 * generation: the conditions are the {@link Predicate}s that {@code session.query(Host.class).filter(...)}
 * takes ({@code col(Host::getPort).gt(1024).and(col(Host::getHostname).startsWith("web"))}, paths
 * through references, {@code any}/{@code has}). Declare {@code interface HostRepository extends
 * CrudRepository<Host, Long>, PredicateExecutor<Host>}. A condition on another entity's property is
 * refused before any SQL. Implementations are thread-safe.
 *
 * @param <T> the repository's entity
 */
public interface PredicateExecutor<T> {

    /** The one entity meeting {@code predicate}; {@link io.quarry.NonUniqueResultException} when several do. */
    Optional<T> findOne(Predicate predicate);

    /** Every entity meeting {@code predicate}. */
    List<T> findAll(Predicate predicate);

    /** Every entity meeting {@code predicate}, in {@code sort}'s order. */
    List<T> findAll(Predicate predicate, Sort sort);

    /** A page of the entities meeting {@code predicate}; the count runs only when the page does not tell the total. */
    Page<T> findAll(Predicate predicate, Pageable pageable);

    /** How many entities meet {@code predicate}. */
    long count(Predicate predicate);

    /** Whether any entity meets {@code predicate} (reads at most one id). */
    boolean exists(Predicate predicate);

    /**
     * Deletes every row meeting {@code predicate} in one DELETE and returns how many; objects of the
     * current session that match leave it. Relations are not cascaded (it is a bulk delete); a
     * condition through a reference is written {@code has(...)} here.
     */
    long delete(Predicate predicate);

    /** A query shaped by {@code queryFunction}, as {@link QueryByExampleExecutor#findBy}. */
    <R> R findBy(Predicate predicate, Function<FluentQuery.FetchableFluentQuery<T>, R> queryFunction);
}
