package io.quarry.repository.support;

import java.util.List;

/**
 * What a repository proxy does, for people and tools (the starter's actuator endpoint): its interface, its
 * entity, and per method how it is implemented and the SQL it runs as rendered at start-up. Holds SQL texts
 * with placeholders, never values. Immutable.
 *
 * @param repository the repository interface
 * @param entity the entity class it reads and writes
 * @param methods its methods (not Object's), by name and parameter types
 */
public record RepositoryDescription(Class<?> repository, Class<?> entity, List<Method> methods) {

    public RepositoryDescription {
        methods = List.copyOf(methods);
    }

    /**
     * One method.
     *
     * @param signature its name and parameter types, {@code findByHostname(String)}
     * @param kind {@code derived} (from its name), {@code query} ({@code @Query}), {@code crud} (a
     *        {@code CrudRepository} method), {@code executor} (a query-by-example or predicate executor
     *        method, whose SQL depends on its probe), {@code default} (a default method) or {@code fragment}
     * @param sql the statements it runs, as rendered at start-up: each call shape (null arguments as IS NULL,
     *        paging) and count; empty when the session writes them (a save) or it runs none of its own
     */
    public record Method(String signature, String kind, List<String> sql) {

        public Method {
            sql = List.copyOf(sql);
        }
    }
}
