package io.quarry.session;

/**
 * Hooks into the life of the objects of one entity class, as SQLAlchemy's mapper events and Spring
 * Data's entity callbacks: register one with {@link Engine.Builder#entityListener(Class, EntityListener)}
 * (for {@code Object.class} it sees every entity); in the Spring starter every bean that implements
 * it is registered, in {@code @Order}/{@code Ordered} order. Listeners of one entity run in the order
 * they were registered. Implementations must be thread-safe: one listener serves every session.
 *
 * <p>The session's flush calls them: {@link #beforeInsert} for each new object and
 * {@link #beforeUpdate} for each changed one, before the flush decides which columns it writes, so
 * a change made there is written by the same INSERT or UPDATE and lands in the snapshot;
 * {@link #beforeDelete} for each object deleted through the session. Repository {@code save},
 * {@code saveAll}, {@code insert}, {@code delete}, {@code deleteAll(Iterable)} and, while a listener
 * of the entity overrides {@link #beforeDelete} or {@link #afterCommit}, {@code deleteById},
 * {@code deleteAllById} and {@code deleteAll()} go through the session and fire them. Bulk statements do NOT, as Spring Data's and Hibernate's
 * bulk operations don't: {@code query(...).filter(...).update/delete}, derived
 * {@code deleteBy...}/{@code update...By} methods, {@code delete(Predicate)}, {@code upsertAll},
 * {@code @Query} and raw SQL.
 *
 * <p>A listener that throws fails the flush: the session's transaction is rolled back, nothing of
 * the flush is written and the objects the listeners changed get their earlier values back.
 */
public interface EntityListener<T> {

    /**
     * Before {@code entity} is inserted; returns the object to write: {@code entity} itself (changed
     * or not), or, for a record, a copy with other values, which then takes its place in the session.
     */
    default T beforeInsert(T entity) {
        return entity;
    }

    /**
     * Before a changed {@code entity} is updated; returns the object to write as
     * {@link #beforeInsert} does. Columns changed here are written too.
     */
    default T beforeUpdate(T entity) {
        return entity;
    }

    /** Before the row of {@code entity}, deleted through the session, is deleted. */
    default void beforeDelete(T entity) {
    }

    /**
     * After {@code entity} was built from a row (not when a read returns an object the session
     * already holds). A change made here is a change like any other: the next flush writes it.
     */
    default void afterLoad(T entity) {
    }

    /**
     * After the transaction that inserted, updated or deleted {@code entity} through the session
     * committed, once per object. The data is committed whatever this does; an exception reaches
     * the caller of {@code commit()} (under Spring's transactions, it is logged).
     */
    default void afterCommit(T entity) {
    }
}
