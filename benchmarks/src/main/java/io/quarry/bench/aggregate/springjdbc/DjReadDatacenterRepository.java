package io.quarry.bench.aggregate.springjdbc;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** The {@link DjReadDatacenter} aggregates. */
public interface DjReadDatacenterRepository extends ListCrudRepository<DjReadDatacenter, Long> {

    List<DjReadDatacenter> findByIdLessThanEqualOrderByIdAsc(long id);
}
