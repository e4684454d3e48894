package io.quarry.bench.jpa;

import io.quarry.bench.support.HostNic;
import io.quarry.bench.support.RackCount;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** The Spring Data JPA repository of the workloads: derived queries where they suffice, JPQL where not. */
public interface JpaHostRepository extends JpaRepository<JpaHost, Long> {

    List<JpaHost> findByDatacenterAndRackOrderByIdAsc(String datacenter, String rack);

    List<JpaHost> findByDatacenterOrderByIdAsc(String datacenter);

    @Query("select new io.quarry.bench.support.HostNic(h.id, h.hostname, h.ipAddr, n.name, n.macAddress, n.speedMbps) "
            + "from JpaNic n join n.host h where h.datacenter = :datacenter and h.rack = :rack and n.name = :nic "
            + "order by h.id")
    List<HostNic> findNicsInRack(String datacenter, String rack, String nic);

    @Query("select new io.quarry.bench.support.HostNic(h.id, h.hostname, h.ipAddr, n.name, n.macAddress, n.speedMbps) "
            + "from JpaNic n join n.host h where h.datacenter = :datacenter and n.name = :nic order by h.id")
    List<HostNic> findNicsInDatacenter(String datacenter, String nic);

    long countByDatacenterAndActiveTrue(String datacenter);

    @Query("select new io.quarry.bench.support.RackCount(h.rack, count(h)) from JpaHost h "
            + "where h.datacenter = :datacenter group by h.rack order by h.rack")
    List<RackCount> countByRack(String datacenter);

    @Transactional
    @Modifying
    @Query("update JpaHost h set h.cpuCores = h.cpuCores + 1 where h.datacenter = :datacenter")
    int addCpuCore(String datacenter);
}
