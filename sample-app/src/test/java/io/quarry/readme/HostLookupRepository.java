package io.quarry.readme;

import io.quarry.repository.CrudRepository;
import io.quarry.repository.Query;
import java.util.Collection;
import java.util.List;

// README: query-collections
public interface HostLookupRepository extends CrudRepository<Host, Long> {
    @Query("select * from host where hostname in (:names) order by hostname")
    List<Host> findNamed(Collection<String> names);    // 3 or 4 names: in (?, ?, ?, ?); none: in (null)

    @Query("select * from host where port = any(:ports) order by hostname")
    List<Host> findOnPorts(int... ports);              // PostgreSQL and H2: one array parameter, any length
}
// END
