package io.quarry.spring.observation;

import io.micrometer.observation.ObservationRegistry;
import io.quarry.repository.support.RepositoryObserver;
import io.quarry.session.Engine;
import io.quarry.spring.boot.QuarryAutoConfiguration;
import io.quarry.spring.boot.QuarryEngineCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer observations of Quarry's statements ({@code quarry.statement}) and repository calls
 * ({@code quarry.repository.invocations}), when the application has an {@link ObservationRegistry} (Boot's
 * actuator, or spring-boot-micrometer-observation, makes one): timers through Boot's meter observation
 * handler, spans through its tracing handler. Conventions are replaced by beans of
 * {@link StatementObservationConvention} and {@link RepositoryInvocationConvention};
 * {@code quarry.observations.*} switches them off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        before = QuarryAutoConfiguration.class)
@ConditionalOnClass({ObservationRegistry.class, Engine.class})
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "quarry.observations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(QuarryObservationProperties.class)
public class QuarryObservationAutoConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "quarry.observations.statements.enabled", matchIfMissing = true)
    QuarryEngineCustomizer quarryStatementObservations(ObservationRegistry registry,
            ObjectProvider<StatementObservationConvention> convention, QuarryObservationProperties properties) {
        ObservedStatements observer = new ObservedStatements(registry, convention.getIfAvailable(),
                new DefaultStatementObservationConvention(properties.getStatements().isIncludeSql()));
        return builder -> builder.statementObserver(observer);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "quarry.observations.repositories.enabled", matchIfMissing = true)
    RepositoryObserver quarryRepositoryObservations(ObservationRegistry registry,
            ObjectProvider<RepositoryInvocationConvention> convention) {
        return new ObservedRepositories(registry, convention.getIfAvailable(),
                new DefaultRepositoryInvocationConvention());
    }
}
