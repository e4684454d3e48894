package io.quarry.mapping;

/**
 * An entity that says itself whether it is new, as Spring Data's {@code Persistable}: for entities
 * whose ids the application assigns, where an id being set says nothing. Repository {@code save}
 * and {@code Session.merge} insert an object whose {@link #isNew()} is true without looking for its
 * row (a second insert of the same id fails as a duplicate key) and update or merge it otherwise.
 * Without this interface a {@code @Version} property decides (null, or 0 for a primitive, is new),
 * else the id (null, or 0 for a primitive). How thread-safe it is is up to the entity.
 *
 * @param <ID> the id type
 */
public interface Persistable<ID> {

    /** The id, or {@code null} when none is set. */
    ID getId();

    /** Whether the object has never been stored: saving it inserts a row. */
    boolean isNew();
}
