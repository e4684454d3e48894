package io.quarry.spring.it.relation;

import io.quarry.repository.CrudRepository;
import java.util.List;

/** Machines through a repository: their site (a reference) comes with the rows. */
public interface MachineRepository extends CrudRepository<Machine, Long> {

    List<Machine> findByHostnameStartingWithOrderByHostname(String prefix);
}
