package io.quarry.readme;

import io.micrometer.observation.ObservationPredicate;
import io.quarry.session.StatementObserver;
import io.quarry.spring.observation.DefaultRepositoryInvocationConvention;
import io.quarry.spring.observation.RepositoryInvocationConvention;
import io.quarry.spring.observation.StatementObservationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The README's observation samples: a convention and a predicate, found by ReadmeApplication's scan. */
@Configuration(proxyBeanMethods = false)
public class ObservationSamples {

    // README: observation-conventions
    @Bean   // repository calls under Spring Data's metric name, for the dashboards built on it
    RepositoryInvocationConvention springDataMetricName() {
        return new DefaultRepositoryInvocationConvention() {
            @Override
            public String getName() {
                return "spring.data.repository.invocations";
            }
        };
    }

    @Bean   // no timers or spans for DDL and connection settings
    ObservationPredicate noDdlObservations() {
        return (name, context) -> !(context instanceof StatementObservationContext statement
                && statement.getStatement().kind() == StatementObserver.Kind.EXECUTE);
    }
    // END
}
