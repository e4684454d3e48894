package io.quarry.readme;

// README: repository
import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import io.quarry.repository.PagingAndSortingRepository;
import io.quarry.repository.Param;
import io.quarry.repository.Query;
import io.quarry.repository.QueryTimeout;
import java.util.List;
import java.util.Optional;

public interface HostRepository extends PagingAndSortingRepository<Host, Long> {
    Optional<Host> findByHostname(String hostname);
    List<Host> findByPortGreaterThanOrderByHostnameDesc(int port);
    long countByHostnameLike(String pattern);
    List<Host> findTop3ByHostnameStartingWith(String prefix);       // "50%_off" matches literally
    Page<Host> findByPortBetween(int from, int to, Pageable pageable);
    int deleteByPort(int port);                                     // one DELETE, returns the count
    List<String> findHostnameByPort(int port);                      // reads only the hostname column
    List<HostView> findByPortIn(List<Integer> ports);               // a projection: hostname and port
    Integer maxPortByHostnameStartingWith(String prefix);           // an aggregate

    @Query("select * from host where ip_addr like :subnet order by ip_addr")
    @QueryTimeout(2)                                                // seconds; cancelled after that
    List<Host> inSubnet(@Param("subnet") String subnet);

    record HostView(String hostname, int port) {}
}
// END
