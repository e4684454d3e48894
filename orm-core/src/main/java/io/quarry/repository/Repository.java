package io.quarry.repository;

/**
 * Marks an interface as a repository of entity {@code T} with id type {@code ID}; declare query
 * methods on it ({@code List<Host> findByPort(int port)}) and {@link RepositoryFactory} implements
 * them. Extend {@link CrudRepository} for the usual operations. Proxies are thread-safe.
 *
 * @param <T> the entity type
 * @param <ID> the id type
 */
public interface Repository<T, ID> {
}
