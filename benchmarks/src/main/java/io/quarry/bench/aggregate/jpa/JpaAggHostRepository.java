package io.quarry.bench.aggregate.jpa;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** Hosts with datacenter and tags in one statement: a join fetch of both, the duplicate rows removed by Hibernate. */
public interface JpaAggHostRepository extends JpaRepository<JpaAggHost, Long> {

    @EntityGraph(attributePaths = {"datacenter", "tags"})
    List<JpaAggHost> findByIdLessThanEqualOrderByIdAsc(long id);
}
