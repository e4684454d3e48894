package io.quarry.bench.quarryboot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.quarry.spring.boot.QuarryAutoConfiguration;
import io.quarry.spring.observation.QuarryObservationAutoConfiguration;
import io.quarry.spring.repository.QuarryRepositoriesAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link QuarryBootApp} with an {@link ObservationRegistry} whose observations become timers in a
 * {@link SimpleMeterRegistry} (what an application with the actuator gets, without an exporter), so Quarry
 * observes every statement and repository call: the price of the observations on the statement path.
 */
@SpringBootConfiguration
@AutoConfigurationPackage
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, TransactionAutoConfiguration.class, QuarryObservationAutoConfiguration.class,
        QuarryAutoConfiguration.class, QuarryRepositoriesAutoConfiguration.class})
public class QuarryObservedBootApp {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    ObservationRegistry observationRegistry(MeterRegistry meters) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return registry;
    }
}
