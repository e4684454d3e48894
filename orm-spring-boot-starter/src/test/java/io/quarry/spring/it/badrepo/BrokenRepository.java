package io.quarry.spring.it.badrepo;

import io.quarry.repository.Repository;
import io.quarry.spring.it.Host;
import java.util.List;

/** A repository with a misspelt property: the application must not start. */
public interface BrokenRepository extends Repository<Host, Long> {

    List<Host> findByHostnmae(String hostname);
}
