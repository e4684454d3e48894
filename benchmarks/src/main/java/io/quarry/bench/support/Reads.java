package io.quarry.bench.support;

import java.util.List;

/**
 * The read workloads as one contender performs them. Implementations are the JMH states of the
 * contenders; the benchmark methods call them through their concrete types.
 *
 * @param <H> the contender's own host type (entity, record or POJO)
 */
public interface Reads<H> extends PointReads<H> {

    /** The 10 hosts of a rack, by id. */
    List<H> findByRack(String datacenter, String rack);

    /** The 1,000 hosts of a datacenter, by id. */
    List<H> findByDatacenter(String datacenter);

    /** The primary interface ({@code eth0}) of each host of a rack, by host id: a join of 10 rows. */
    List<HostNic> primaryNicsInRack(String datacenter, String rack);

    /** The primary interface of each host of a datacenter, by host id: a join of 1,000 rows. */
    List<HostNic> primaryNicsInDatacenter(String datacenter);

    /** How many active hosts a datacenter has. */
    long countActive(String datacenter);

    /** Hosts per rack of a datacenter, by rack. */
    List<RackCount> countByRack(String datacenter);

    /** Reads every row of {@code host_stream} as a host, in constant memory; returns {@link Checksum} of them. */
    long streamAll(StreamProbe probe);
}
