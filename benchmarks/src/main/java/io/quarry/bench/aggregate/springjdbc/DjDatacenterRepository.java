package io.quarry.bench.aggregate.springjdbc;

import org.springframework.data.repository.ListCrudRepository;

/** The {@link DjDatacenter} aggregates. */
public interface DjDatacenterRepository extends ListCrudRepository<DjDatacenter, Long> {
}
