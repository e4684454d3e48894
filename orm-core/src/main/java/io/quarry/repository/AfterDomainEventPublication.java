package io.quarry.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of an entity that a repository calls after it published the entity's
 * {@link DomainEvents}, usually to clear them. Spring Data's
 * {@code org.springframework.data.domain.AfterDomainEventPublication}. The method takes no parameters.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface AfterDomainEventPublication {
}
