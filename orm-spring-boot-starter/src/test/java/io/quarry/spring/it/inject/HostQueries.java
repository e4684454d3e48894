package io.quarry.spring.it.inject;

import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import io.quarry.repository.PagingAndSortingRepository;
import io.quarry.repository.Param;
import io.quarry.repository.Query;
import io.quarry.repository.Sort;
import io.quarry.spring.it.Host;
import java.util.Collection;
import java.util.List;

/** Repository methods that take user input, for the injection corpus through Spring. */
public interface HostQueries extends PagingAndSortingRepository<Host, Long> {

    Host findByHostname(String hostname);

    List<Host> findByHostnameIn(Collection<String> hostnames);

    List<Host> findByHostnameStartingWith(String prefix);

    List<Host> findByHostnameContaining(String text);

    List<Host> findByHostnameLike(String pattern);

    List<Host> findByPortGreaterThanEqual(int port, Sort sort);

    Page<Host> findByPortLessThan(int port, Pageable pageable);

    @Query("select * from spring_host where hostname = :hostname")
    List<Host> withHostname(@Param("hostname") String hostname);
}
