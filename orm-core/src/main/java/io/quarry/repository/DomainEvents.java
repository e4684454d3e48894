package io.quarry.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of an entity (an aggregate root) that returns the domain events to publish when a
 * repository saves or deletes it: a Collection of events, one event, or null for none. Spring Data's
 * {@code org.springframework.data.domain.DomainEvents}, for Quarry's repositories: {@code save},
 * {@code saveAll}, {@code insert}, {@code insertAll}, {@code delete} and {@code deleteAll(Iterable)}
 * publish them, inside their transaction, after the entity was written, then call the
 * {@link AfterDomainEventPublication} method. Where they go is the repository factory's publisher (the
 * Spring starter: the {@code ApplicationEventPublisher}). The method takes no parameters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface DomainEvents {
}
