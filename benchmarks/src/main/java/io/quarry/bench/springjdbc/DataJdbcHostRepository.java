package io.quarry.bench.springjdbc;

import io.quarry.bench.support.HostNic;
import io.quarry.bench.support.RackCount;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The Spring Data JDBC repository of the workloads: derived queries where they suffice, SQL where not. */
public interface DataJdbcHostRepository extends ListCrudRepository<DataJdbcHost, Long> {

    List<DataJdbcHost> findByDatacenterAndRackOrderByIdAsc(String datacenter, String rack);

    List<DataJdbcHost> findByDatacenterOrderByIdAsc(String datacenter);

    @Query("select h.id as host_id, h.hostname, h.ip_addr, n.name as nic_name, n.mac_address, n.speed_mbps "
            + "from host h join nic n on n.host_id = h.id "
            + "where h.datacenter = :datacenter and h.rack = :rack and n.name = :nic order by h.id")
    List<HostNic> findNicsInRack(String datacenter, String rack, String nic);

    @Query("select h.id as host_id, h.hostname, h.ip_addr, n.name as nic_name, n.mac_address, n.speed_mbps "
            + "from host h join nic n on n.host_id = h.id where h.datacenter = :datacenter and n.name = :nic order by h.id")
    List<HostNic> findNicsInDatacenter(String datacenter, String nic);

    long countByDatacenterAndActiveTrue(String datacenter);

    @Query("select rack, count(*) as hosts from host where datacenter = :datacenter group by rack order by rack")
    List<RackCount> countByRack(String datacenter);

    @Modifying
    @Query("update host set cpu_cores = cpu_cores + 1 where datacenter = :datacenter")
    int addCpuCore(String datacenter);
}
