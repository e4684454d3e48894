package io.quarry.sample;

import io.quarry.repository.CrudRepository;
import io.quarry.repository.LoadWith;
import java.util.List;
import java.util.Optional;

/**
 * Datacenters. {@code save} cascades to new hosts and tags; {@code @LoadWith} names the relations a
 * method loads with its rows, one statement per relation whatever the number of rows.
 */
public interface DatacenterRepository extends CrudRepository<Datacenter, Long> {

    /** The datacenter with its hosts and their tags: three statements, in or outside a transaction. */
    @LoadWith({"hosts", "hosts.tags"})
    Optional<Datacenter> readById(long id);

    @LoadWith({"hosts", "hosts.tags"})
    List<Datacenter> findByRegionOrderByName(String region);

    Optional<Datacenter> findByName(String name);
}
