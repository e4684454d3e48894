package io.quarry.spring.web.crate;

import io.quarry.repository.CrudRepository;
import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import io.quarry.repository.Slice;
import io.quarry.repository.Sort;
import java.util.List;

/** Crates by weight, paged, sliced or sorted as a controller asks. */
public interface CrateRepository extends CrudRepository<Crate, Long> {

    Page<Crate> findByWeightGreaterThan(int weight, Pageable page);

    Slice<Crate> findByLabelStartingWith(String prefix, Pageable page);

    List<Crate> findByWeightLessThan(int weight, Sort sort);
}
