package io.quarry.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and key values of {@code quarry.repository.invocations} observations. Declare a bean of this type
 * to replace {@link DefaultRepositoryInvocationConvention} (or extend it).
 */
public interface RepositoryInvocationConvention extends ObservationConvention<RepositoryInvocationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof RepositoryInvocationContext;
    }
}
