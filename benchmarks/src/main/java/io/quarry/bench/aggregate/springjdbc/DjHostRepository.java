package io.quarry.bench.aggregate.springjdbc;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** The {@link DjHost} aggregates. */
public interface DjHostRepository extends ListCrudRepository<DjHost, Long> {

    List<DjHost> findByIdLessThanEqualOrderByIdAsc(long id);
}
