package io.quarry.bench.quarryboot;

import io.quarry.bench.quarry.QuarryHost;
import io.quarry.repository.CrudRepository;

/** The repository of {@code host} as a Spring bean, made by the starter's repository auto-configuration. */
public interface BootHostRepository extends CrudRepository<QuarryHost, Long> {
}
