package io.quarry.bench.aggregate.jpa;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** Datacenters with their hosts in one statement (a join fetch). */
public interface JpaAggDatacenterRepository extends JpaRepository<JpaAggDatacenter, Long> {

    @EntityGraph(attributePaths = "hosts")
    List<JpaAggDatacenter> findByIdLessThanEqualOrderByIdAsc(long id);
}
