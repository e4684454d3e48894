package io.quarry.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.Engine;
import io.quarry.session.NPlusOneDetection;
import io.quarry.session.Session;
import io.quarry.session.SessionFactory;
import io.quarry.spring.QuarryExceptionTranslator;
import io.quarry.spring.SpringManagedSession;
import io.quarry.spring.boot.other.Pebble;
import io.quarry.spring.boot.scan.Rock;
import io.quarry.spring.boot.scan.ScanApplication;
import io.quarry.spring.boot.scan.sub.Mineral;
import io.quarry.spring.it.Host;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The beans and conditions of {@link QuarryAutoConfiguration}, on H2 in memory. */
class QuarryAutoConfigurationTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    QuarryAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:autoconfig" + DATABASES.incrementAndGet()
                    + ";DB_CLOSE_DELAY=-1", "spring.datasource.generate-unique-name=false");

    @Test
    void createsEngineSessionFactorySharedSessionAndTranslatorForTheDataSource() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(Engine.class).hasSingleBean(SessionFactory.class)
                    .hasSingleBean(Session.class).hasSingleBean(QuarryEntities.class)
                    .hasSingleBean(QuarrySchemaInitializer.class);
            assertThat(context.getBean(Session.class)).isInstanceOf(SpringManagedSession.class);
            assertThat(context.getBean(Engine.class).dialect().name()).isEqualTo("h2");
            assertThat(context.getBean(Engine.class).lockTimeout()).as("the database's own unless set").isNull();
            assertThat(context.getBean(PersistenceExceptionTranslator.class)).isInstanceOf(QuarryExceptionTranslator.class);
        });
    }

    @Test
    void backsOffWithoutADataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(QuarryAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(Engine.class).doesNotHaveBean(Session.class)
                            .doesNotHaveBean(SessionFactory.class);
                });
    }

    @Test
    void keepsBootsDataSourceTransactionManagerAsTheOnlyOneAndAddsTheSavepointListenerToIt() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(PlatformTransactionManager.class);
            PlatformTransactionManager manager = context.getBean(PlatformTransactionManager.class);
            assertThat(manager).isInstanceOf(JdbcTransactionManager.class);
            assertThat(((ConfigurableTransactionManager) manager).getTransactionExecutionListeners())
                    .hasAtLeastOneElementOfType(io.quarry.spring.SavepointFlushListener.class);
        });
    }

    @Test
    void userBeansWin() {
        runner.withUserConfiguration(UserBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Engine.class)).isSameAs(context.getBean(UserBeans.class).engine);
            assertThat(context.getBean(SessionFactory.class)).isSameAs(context.getBean(UserBeans.class).factory);
            assertThat(context).hasSingleBean(Session.class);
            assertThat(context.getBean(Session.class)).isNotInstanceOf(SpringManagedSession.class);
            assertThat(context.getBean(QuarryEntities.class).types()).containsExactly(Host.class);
        });
    }

    @Test
    void bindsProperties() {
        runner.withPropertyValues("quarry.show-sql=true", "quarry.batch-size=50", "quarry.autoflush=false",
                "quarry.dialect=h2", "quarry.ddl-auto=none", "quarry.query-timeout=30s", "quarry.lock-timeout=2s")
                .run(context -> {
                    QuarryProperties properties = context.getBean(QuarryProperties.class);
                    assertThat(properties.isShowSql()).isTrue();
                    assertThat(context.getBean(Engine.class).batchSize()).isEqualTo(50);
                    assertThat(context.getBean(Engine.class).queryTimeout()).isEqualTo(java.time.Duration.ofSeconds(30));
                    assertThat(context.getBean(Engine.class).lockTimeout()).isEqualTo(java.time.Duration.ofSeconds(2));
                    assertThat(context.getBean(SessionFactory.class).options().autoflush()).isFalse();
                    assertThat(context.getBean(QuarrySchemaInitializer.class).ddlAuto()).isEqualTo(DdlAuto.NONE);
                });
    }

    @Test
    void bindsTheNPlusOneDetectorsPropertiesToTheEngine() {
        runner.run(context -> assertThat(context.getBean(Engine.class).nPlusOne()).isEqualTo(NPlusOneDetection.DEFAULT));
        runner.withPropertyValues("quarry.n-plus-one.mode=strict", "quarry.n-plus-one.threshold=5").run(context ->
                assertThat(context.getBean(Engine.class).nPlusOne()).isEqualTo(NPlusOneDetection.strict(5)));
        runner.withPropertyValues("quarry.n-plus-one.mode=OFF").run(context ->
                assertThat(context.getBean(Engine.class).nPlusOne().enabled()).isFalse());
        runner.withPropertyValues("quarry.n-plus-one.threshold=-1").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("quarry.n-plus-one.threshold must not be negative"));
    }

    @Test
    void jdbcTemplateStartsAfterTheSchemaIsInPlace() {
        runner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class)).run(context ->
                assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
                        .contains("quarrySchemaInitializer"));
    }

    @Test
    void appliesEngineCustomizers() {
        AtomicInteger calls = new AtomicInteger();
        runner.withBean(QuarryEngineCustomizer.class, () -> builder -> calls.incrementAndGet())
                .run(context -> assertThat(calls).hasValue(1));
    }

    @Test
    void ddlAutoDefaultsToCreateOnAnEmbeddedDatabase() {
        runner.run(context -> assertThat(context.getBean(QuarrySchemaInitializer.class).ddlAuto())
                .isEqualTo(DdlAuto.CREATE));
    }

    @Test
    void scansEntitiesUnderTheApplicationsPackageOnce() {
        runner.withUserConfiguration(ScanApplication.class).run(context -> {
            assertThat(context.getBean(QuarryEntities.class).types()).containsExactly(Rock.class, Mineral.class);
            assertThat(context.getBean(Engine.class).models().models()).hasSize(2);
        });
    }

    @Test
    void quarryEntityScanReplacesTheApplicationsPackage() {
        runner.withUserConfiguration(ScanApplication.class, ScanOther.class).run(context ->
                assertThat(context.getBean(QuarryEntities.class).types()).containsExactly(Pebble.class));
    }

    @Test
    void entityPackagesPropertyTakesPrecedence() {
        runner.withUserConfiguration(ScanApplication.class, ScanOther.class)
                .withPropertyValues("quarry.entity-packages=io.quarry.spring.boot.scan.sub")
                .run(context -> assertThat(context.getBean(QuarryEntities.class).types()).containsExactly(Mineral.class));
    }

    @Configuration(proxyBeanMethods = false)
    @QuarryEntityScan(basePackageClasses = Pebble.class)
    static class ScanOther {
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {

        Engine engine;
        SessionFactory factory;

        @Bean
        Engine myEngine(DataSource dataSource) {
            engine = Engine.builder(dataSource).build();
            return engine;
        }

        @Bean
        SessionFactory mySessionFactory(Engine myEngine) {
            factory = myEngine.sessionFactory();
            return factory;
        }

        @Bean
        Session mySession(SessionFactory mySessionFactory) {
            return mySessionFactory.openSession();
        }

        @Bean
        QuarryEntities myEntities() {
            return QuarryEntities.of(Host.class);
        }
    }
}
