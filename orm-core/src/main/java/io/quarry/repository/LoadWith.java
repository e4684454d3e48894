package io.quarry.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Loads relations with the entities a repository method reads, one statement per relation for all
 * of them (the role of JPA's {@code @EntityGraph(attributePaths = ...)}): {@code @LoadWith("tags")},
 * or paths for depth, {@code @LoadWith({"hosts", "hosts.tags"})}. Without it, what the mapping
 * declares is loaded (references always, collections on first access or per their {@code fetch}).
 * Paths are checked when the repository is built; an unknown name stops the start. It applies to
 * methods that return entities: a projection ({@code DatacenterView getDatacenter()},
 * {@code String getDatacenterName()}) selects its related columns through joins of its own, so
 * {@code @LoadWith} on a method returning one stops the start too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LoadWith {

    /** The relation paths from the repository's entity. */
    String[] value();
}
