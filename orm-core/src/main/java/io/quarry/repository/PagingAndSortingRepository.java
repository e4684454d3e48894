package io.quarry.repository;

import java.util.List;

/**
 * {@link CrudRepository} with sorted and paged reads of all entities. Proxies are thread-safe.
 *
 * @param <T> the entity type
 * @param <ID> the id type
 */
public interface PagingAndSortingRepository<T, ID> extends CrudRepository<T, ID> {

    List<T> findAll(Sort sort);

    Page<T> findAll(Pageable pageable);
}
