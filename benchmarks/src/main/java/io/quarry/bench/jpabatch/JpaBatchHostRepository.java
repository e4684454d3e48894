package io.quarry.bench.jpabatch;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** The repository of the batching variant: the write workloads only. */
public interface JpaBatchHostRepository extends JpaRepository<JpaBatchHost, Long> {

    @Transactional
    @Modifying
    @Query("update JpaBatchHost h set h.cpuCores = h.cpuCores + 1 where h.datacenter = :datacenter")
    int addCpuCore(String datacenter);
}
