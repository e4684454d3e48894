package io.quarry.spring.it.repo;

import io.quarry.repository.CrudRepository;
import io.quarry.repository.PredicateExecutor;
import io.quarry.repository.QueryByExampleExecutor;
import io.quarry.spring.it.Host;
import java.util.List;
import java.util.Optional;

/** A repository found by the scan, with a custom fragment and Quarry's executors (never looked up as fragments). */
public interface HostRepository extends CrudRepository<Host, Long>, HostRepositoryCustom, QueryByExampleExecutor<Host>,
        PredicateExecutor<Host> {

    Optional<Host> findByHostname(String hostname);

    List<Host> findByPortOrderByHostname(int port);

    Host findByPort(int port);

    long countByPort(int port);

    int deleteByPort(int port);
}
