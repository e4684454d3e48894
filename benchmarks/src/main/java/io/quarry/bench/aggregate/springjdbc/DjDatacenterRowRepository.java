package io.quarry.bench.aggregate.springjdbc;

import org.springframework.data.repository.ListCrudRepository;

/** The {@link DjDatacenterRow} aggregates. */
public interface DjDatacenterRowRepository extends ListCrudRepository<DjDatacenterRow, Long> {
}
