package io.quarry.spring.actuate;

import io.quarry.session.Engine;
import io.quarry.spring.boot.QuarryAutoConfiguration;
import io.quarry.spring.boot.QuarryEngineCustomizer;
import io.quarry.spring.boot.QuarryEntities;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code quarry} actuator endpoint and the statement statistics it shows, when the actuator is on the class
 * path and the endpoint is available (enabled and exposed, as Boot decides for every endpoint).
 */
@AutoConfiguration(after = QuarryAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, Engine.class})
@ConditionalOnBean(Engine.class)
@ConditionalOnAvailableEndpoint(QuarryEndpoint.class)
public class QuarryEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    QuarryStatementStatistics quarryStatementStatistics() {
        return new QuarryStatementStatistics();
    }

    @Bean
    QuarryEngineCustomizer quarryStatementStatisticsCustomizer(QuarryStatementStatistics statistics) {
        return builder -> builder.statementObserver(statistics);
    }

    @Bean
    @ConditionalOnMissingBean
    QuarryEndpoint quarryEndpoint(Engine engine, QuarryEntities entities, QuarryStatementStatistics statistics,
            ListableBeanFactory beans) {
        return new QuarryEndpoint(engine, entities, statistics, beans);
    }
}
