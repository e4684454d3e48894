package io.quarry.spring.boot;

import io.quarry.QuarryException;
import io.quarry.dialect.Dialect;
import io.quarry.dialect.Dialects;
import io.quarry.session.Engine;
import io.quarry.session.EntityListener;
import io.quarry.session.Session;
import io.quarry.session.SessionFactory;
import io.quarry.session.SessionOptions;
import io.quarry.spring.QuarryExceptionTranslator;
import io.quarry.spring.SavepointFlushListener;
import io.quarry.spring.SpringConnectionProvider;
import io.quarry.spring.SpringManagedSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.transaction.ConfigurableTransactionManager;

/**
 * Auto-configuration for Quarry on the application's DataSource: the {@link Engine} (dialect
 * detected, every {@link EntityListener} bean registered in {@code @Order} order), the entity classes (scanned once), schema management ({@code quarry.ddl-auto}), the
 * {@link SessionFactory} and the shared {@link Session} bound to Spring transactions, plus an
 * exception translator for {@code @Repository} beans. Spring Boot's DataSourceTransactionManager
 * stays the transaction manager. Every bean backs off when the application defines its own.
 *
 * <p>Repository interfaces are meant to plug in next to this class: a {@code QuarryRepositoriesRegistrar}
 * imported here would find them under the same packages as {@link #entityPackages} (or those of an
 * {@code @EnableQuarryRepositories}) and back each proxy with the shared {@link Session} bean, so
 * that repository calls join the caller's transaction.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass({Engine.class, DataSource.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(QuarryProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class QuarryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    QuarryEntities quarryEntities(QuarryProperties properties, BeanFactory beanFactory, Environment environment,
            ResourceLoader resourceLoader) {
        return QuarryEntities.scan(entityPackages(properties, beanFactory), environment, resourceLoader);
    }

    /** {@code quarry.entity-packages}, else {@code @QuarryEntityScan}, else the application's package. */
    static List<String> entityPackages(QuarryProperties properties, BeanFactory beanFactory) {
        if (!properties.getEntityPackages().isEmpty()) {
            return properties.getEntityPackages();
        }
        List<String> scanned = QuarryEntityScanPackages.get(beanFactory);
        if (!scanned.isEmpty()) {
            return scanned;
        }
        return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
    }

    @Bean
    @ConditionalOnMissingBean
    Engine quarryEngine(DataSource dataSource, QuarryProperties properties,
            ObjectProvider<QuarryEngineCustomizer> customizers, ObjectProvider<EntityListener<?>> entityListeners) {
        Engine.Builder builder = Engine.builder(dataSource)
                .dialect(dialect(dataSource, properties))
                .showSql(properties.isShowSql())
                .batchSize(properties.getBatchSize())
                .queryTimeout(properties.getQueryTimeout())
                .lockTimeout(properties.getLockTimeout())
                .nPlusOne(properties.getNPlusOne().detection());
        entityListeners.orderedStream().forEach(listener -> register(builder, listener));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** Registers {@code listener} for the entity class its {@code EntityListener<T>} names ({@code Object}: every one). */
    @SuppressWarnings("unchecked")
    static void register(Engine.Builder builder, EntityListener<?> listener) {
        Class<?> type = ResolvableType.forClass(AopUtils.getTargetClass(listener)).as(EntityListener.class)
                .resolveGeneric(0);
        builder.entityListener((Class<Object>) (type == null ? Object.class : type), (EntityListener<Object>) listener);
    }

    /** The dialect named by {@code quarry.dialect}, else detected, with errors the failure analyzer explains. */
    static Dialect dialect(DataSource dataSource, QuarryProperties properties) {
        if (properties.getDialect() != null && !properties.getDialect().isBlank()) {
            return Dialects.named(properties.getDialect().trim());
        }
        try (Connection connection = dataSource.getConnection()) {
            return Dialects.detect(connection.getMetaData());
        } catch (QuarryException e) {
            throw new UnusableDatabaseException(e.getMessage(), dataSource.toString(), false, e);
        } catch (SQLException | RuntimeException e) {
            throw new UnusableDatabaseException("Cannot connect to the database to detect its dialect: "
                    + innermostMessage(e), dataSource.toString(), true, e);
        }
    }

    private static String innermostMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (caused by " + cause.getMessage() + ")";
    }

    @Bean
    @ConditionalOnMissingBean
    QuarrySchemaInitializer quarrySchemaInitializer(Engine engine, QuarryEntities entities, QuarryProperties properties,
            DataSource dataSource) {
        DdlAuto ddlAuto = properties.getDdlAuto();
        if (ddlAuto == null) {
            ddlAuto = EmbeddedDatabaseConnection.isEmbedded(dataSource) ? DdlAuto.CREATE : DdlAuto.NONE;
        }
        return new QuarrySchemaInitializer(engine, entities, ddlAuto);
    }

    @Bean
    @ConditionalOnMissingBean
    SessionFactory quarrySessionFactory(Engine engine, QuarryProperties properties,
            ObjectProvider<QuarrySchemaInitializer> schema) {
        schema.getIfAvailable(); // sessions only once the models are built and the schema is in place
        return engine.sessionFactory().withOptions(SessionOptions.DEFAULTS.withAutoflush(properties.isAutoflush()));
    }

    @Bean
    @ConditionalOnMissingBean
    QuarryExceptionTranslator quarryExceptionTranslator(DataSource dataSource) {
        return new QuarryExceptionTranslator(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean(Session.class)
    SpringManagedSession quarrySession(SessionFactory sessionFactory, DataSource dataSource,
            QuarryExceptionTranslator translator) {
        return new SpringManagedSession(sessionFactory, new SpringConnectionProvider(dataSource), translator);
    }

    /** Adds the {@link SavepointFlushListener} to transaction managers, Boot's or the application's own. */
    @Bean
    static BeanPostProcessor quarrySavepointFlushRegistrar(ObjectProvider<SpringManagedSession> sharedSession) {
        SavepointFlushListener listener = new SavepointFlushListener(sharedSession::getIfAvailable);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ConfigurableTransactionManager manager
                        && !manager.getTransactionExecutionListeners().contains(listener)) {
                    manager.addListener(listener);
                }
                return bean;
            }
        };
    }

    /** {@code quarry.auditing.enabled=true}: auditing as with {@link EnableQuarryAuditing}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "quarry.auditing.enabled", havingValue = "true")
    @Import(QuarryAuditingConfiguration.class)
    static class AuditingByProperty {
    }
}
