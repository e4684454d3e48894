package io.quarry.bench.aggregate.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

/** Tags. */
public interface JpaAggTagRepository extends JpaRepository<JpaAggTag, Long> {
}
