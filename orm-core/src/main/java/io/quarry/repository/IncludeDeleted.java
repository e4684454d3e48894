package io.quarry.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a derived query read the rows a {@link io.quarry.mapping.SoftDelete} property marks deleted, which
 * every other query of the repository leaves out: finds, counts, exists and aggregates see them, and an
 * {@code update...By} method reaches them (to restore a row, say):
 *
 * <pre>{@code
 * @IncludeDeleted
 * List<Note> findByOwner(String owner);              // deleted notes too
 *
 * @IncludeDeleted
 * int updateDeletedAtById(Instant deletedAt, long id); // updateDeletedAtById(null, id) restores one
 * }</pre>
 *
 * <p>Checked at start-up: refused on an entity without {@code @SoftDelete}, on {@code delete...By} methods
 * (a derived delete marks rows; {@code Session.hardDelete} and {@code Query.hardDelete()} remove them), on the
 * inherited {@code CrudRepository} methods and on {@code @Query}, whose SQL is never rewritten.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface IncludeDeleted {
}
