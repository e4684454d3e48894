package io.quarry.bench.aggregate.springjdbc;

import org.springframework.data.repository.ListCrudRepository;

/** The {@link DjTag} aggregates. */
public interface DjTagRepository extends ListCrudRepository<DjTag, Long> {
}
