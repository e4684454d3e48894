package io.quarry.spring.replica;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Read replicas: read-only transactions ({@code @Transactional(readOnly = true)}) and Quarry's reads
 * outside a transaction go to the replicas of {@code quarry.replicas.nodes} and the application's
 * {@link QuarryReplica} DataSource beans, round robin, everything else to the primary DataSource. The
 * primary bean is wrapped in a {@link LazyConnectionDataSourceProxy} (Spring's routing by the read-only
 * flag), so it stays the one DataSource bean Boot's health and pool metrics see. Off with
 * {@code quarry.replicas.enabled=false}; without replicas nothing changes.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({LazyConnectionDataSourceProxy.class, HikariDataSource.class})
@ConditionalOnBooleanProperty(name = "quarry.replicas.enabled", matchIfMissing = true)
@EnableConfigurationProperties(QuarryReplicaProperties.class)
public class QuarryReplicaAutoConfiguration {

    @Bean
    ReplicaRouter quarryReadReplicas(QuarryReplicaProperties properties, ConfigurableListableBeanFactory beanFactory,
            ObjectProvider<DataSourceProperties> primary) {
        DataSourceProperties primaryProperties = primary.getIfAvailable();
        return ReplicaRouter.of(properties, replicaBeans(beanFactory),
                primaryProperties != null ? primaryProperties.determineUsername() : null,
                primaryProperties != null ? primaryProperties.determinePassword() : null);
    }

    /** The application's {@link QuarryReplica} DataSource beans, by name, in registration order. */
    private static Map<String, DataSource> replicaBeans(ConfigurableListableBeanFactory beanFactory) {
        Map<String, DataSource> replicas = new LinkedHashMap<>();
        Arrays.stream(beanFactory.getBeanNamesForType(DataSource.class, true, false))
                .filter(name -> beanFactory.findAnnotationOnBean(name, QuarryReplica.class, false) != null)
                .forEach(name -> replicas.put(name, beanFactory.getBean(name, DataSource.class)));
        return replicas;
    }

    @Bean
    static BeanPostProcessor quarryReplicaRouting() {
        return new ReplicaRoutingPostProcessor();
    }

    /**
     * The health of each replica under {@code replicas} (off with {@code management.health.replicas.enabled=false}),
     * where the application has Boot's health support.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.boot.health.contributor.HealthContributor",
            "org.springframework.boot.jdbc.health.DataSourceHealthIndicator"})
    @ConditionalOnEnabledHealthIndicator("replicas")
    static class Health {

        @Bean
        HealthContributor replicasHealthContributor(ReplicaRouter replicas) {
            return ReplicaHealth.of(replicas.replicas());
        }
    }

    /** The statistics as Micrometer meters, where the application has Micrometer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class Meters {

        @Bean
        ReplicaMeters quarryReplicaMeters(ReplicaRouter replicas) {
            return new ReplicaMeters(replicas);
        }
    }
}
