package io.quarry.spring.it.relation;

import io.quarry.repository.CrudRepository;
import io.quarry.repository.LoadWith;
import java.util.List;
import java.util.stream.Stream;

/** Sites through a repository: a method that loads the machines and their badges, and plain ones. */
public interface SiteRepository extends CrudRepository<Site, Long> {

    @LoadWith({"machines", "machines.badges"})
    List<Site> findByRegionOrderByName(String region);

    Site findByName(String name);

    Stream<Site> streamByRegion(String region);
}
