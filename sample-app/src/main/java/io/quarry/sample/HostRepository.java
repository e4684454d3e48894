package io.quarry.sample;

import io.quarry.repository.LoadWith;
import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import io.quarry.repository.PagingAndSortingRepository;
import io.quarry.repository.Param;
import io.quarry.repository.Query;
import java.util.List;
import java.util.Optional;

/**
 * The inventory's queries. Quarry implements every method from its name (or its {@code @Query}),
 * checked when the application starts.
 */
public interface HostRepository extends PagingAndSortingRepository<Host, Long> {

    Optional<Host> findByHostname(String hostname);

    List<Host> findByPortBetween(int from, int to);

    Page<Host> findByGroup(String group, Pageable pageable);

    /** A page of hosts with their tags (their datacenters, references, always come with them). */
    @LoadWith("tags")
    Page<Host> findByGroupAndPortBetween(String group, int from, int to, Pageable pageable);

    @LoadWith("tags")
    Page<Host> findByPortBetween(int from, int to, Pageable pageable);

    long countByGroup(String group);

    List<Host> findByHostnameContaining(String text);

    List<Host> findTop3ByOrderByCreatedAtDesc();

    /** One DELETE statement, whatever the number of hosts. */
    int deleteByGroup(String group);

    /** Just the names: only the hostname column is read. */
    List<HostName> findByGroupOrderByHostname(String group);

    @Query("select * from host where ip_addr like :prefix order by ip_addr")
    List<Host> inSubnet(@Param("prefix") String prefix);

    /** A projection: the columns a listing needs. */
    record HostName(String hostname) {
    }
}
