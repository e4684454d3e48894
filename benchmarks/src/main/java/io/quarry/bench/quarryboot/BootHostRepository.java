package io.quarry.bench.quarryboot;

import io.quarry.bench.quarry.QuarryRepositoryContender.HostRepository;

/**
 * The repository of {@code host} as a Spring bean, made by the starter's repository auto-configuration:
 * the methods of the plain repository contender's {@link HostRepository} (CRUD, derived queries,
 * {@code @Query} projections, a {@code @Modifying} update).
 */
public interface BootHostRepository extends HostRepository {
}
