package io.quarry.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and key values of {@code quarry.statement} observations. Declare a bean of this type to replace
 * {@link DefaultStatementObservationConvention} (or extend it to add key values).
 */
public interface StatementObservationConvention extends ObservationConvention<StatementObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof StatementObservationContext;
    }
}
