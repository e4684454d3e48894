package io.quarry.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the property that says a row is deleted, so that deleting an object marks its row instead of
 * removing it (the role of Hibernate's {@code @SoftDelete}, and of the {@code @SQLDelete} and
 * {@code @SQLRestriction} pair Spring Data JPA applications write by hand). A {@code boolean} is a deleted
 * flag ({@code false}: not deleted); an {@code Instant}, {@code LocalDateTime}, {@code OffsetDateTime} or
 * {@code LocalDate} is the time of the delete ({@code null}: not deleted). The property is an ordinary
 * column: created with the table, checked by validate, readable by the application.
 *
 * <p>{@code Session.delete}, repository deletes and bulk deletes set it in one UPDATE; every query of the
 * entity (the Session API, {@code get}, derived queries, Query by Example, predicates, counts, pages and the
 * collections of other entities) leaves marked rows out unless it asks for them
 * ({@code query(...).includeDeleted()}, {@code @IncludeDeleted}); native SQL is not rewritten.
 * {@code Session.hardDelete} and {@code Query.hardDelete()} remove rows.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface SoftDelete {

}
