package com.example.fleet;

import io.quarry.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

public interface ServerRepository extends CrudRepository<Server, Long> {

    Optional<Server> findByHostname(String hostname);

    List<Server> findByRackOrderByHostname(Rack rack);
}
