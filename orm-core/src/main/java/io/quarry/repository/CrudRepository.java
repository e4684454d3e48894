package io.quarry.repository;

import java.util.List;
import java.util.Optional;

/**
 * Create, read, update and delete for entity {@code T}. Writes run in the caller's transaction, or
 * in one of their own when there is none; reads outside a transaction run in auto-commit (one round
 * trip). Proxies are thread-safe.
 *
 * @param <T> the entity type
 * @param <ID> the id type
 */
public interface CrudRepository<T, ID> extends Repository<T, ID> {

    /**
     * Inserts {@code entity} when it is new (no id yet, or a null {@code @Version}), updates it when
     * the session holds it, otherwise copies it onto the row with its id (one SELECT), inserting
     * when there is none. Flushes, so generated ids and versions are set; use the returned instance
     * (records are rebuilt). Use {@link #insert} for new entities with an assigned id.
     */
    <S extends T> S save(S entity);

    /** {@link #save} for each entity, flushed in JDBC batches. */
    <S extends T> List<S> saveAll(Iterable<S> entities);

    /** Inserts {@code entity} without checking whether its id exists (no SELECT); flushes. */
    <S extends T> S insert(S entity);

    /** Inserts every entity in JDBC batches without checking ids; flushes. */
    <S extends T> List<S> insertAll(Iterable<S> entities);

    Optional<T> findById(ID id);

    boolean existsById(ID id);

    List<T> findAll();

    /** The entities with these ids, in no particular order; missing ids are skipped. */
    List<T> findAllById(Iterable<ID> ids);

    long count();

    /** Deletes the row with {@code id} in one statement; nothing happens when there is none. */
    void deleteById(ID id);

    /** Deletes {@code entity}; for a detached versioned entity, fails when the row changed since. */
    void delete(T entity);

    /** Deletes the rows with these ids in one statement per batch. */
    void deleteAllById(Iterable<? extends ID> ids);

    void deleteAll(Iterable<? extends T> entities);

    /** Deletes every row in one statement. */
    void deleteAll();
}
