package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.spring.it.repo.HostRepository;
import io.quarry.spring.observation.DefaultStatementObservationConvention;
import io.quarry.spring.observation.QuarryObservationAutoConfiguration;
import io.quarry.spring.observation.RepositoryInvocationContext;
import io.quarry.spring.observation.StatementObservationContext;
import io.quarry.spring.observation.StatementObservationConvention;
import io.quarry.spring.repository.EnableQuarryRepositories;
import io.quarry.spring.repository.QuarryRepositoriesAutoConfiguration;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Micrometer observations of statements ({@code quarry.statement}) and repository calls
 * ({@code quarry.repository.invocations}) through the starter: one per statement and per call, with their
 * tags, errors, the statements of a call as its children, and never a bound value.
 */
@CrossDatabaseTest
class ObservationIT {

    /** A value that must never appear in an observation. */
    private static final String SECRET = "secret-host-4711";

    private final TestDatabase db;

    ObservationIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_host", "spring_account");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableQuarryRepositories(basePackageClasses = HostRepository.class)
    static class Repositories {
    }

    private ApplicationContextRunner observed(TestObservationRegistry registry) {
        return QuarryContext.on(db)
                .withConfiguration(AutoConfigurations.of(QuarryObservationAutoConfiguration.class,
                        QuarryRepositoriesAutoConfiguration.class))
                .withUserConfiguration(Repositories.class)
                .withBean(ObservationRegistry.class, () -> registry);
    }

    private static TransactionTemplate transactions(AssertableApplicationContext context) {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    private static void save(AssertableApplicationContext context, String hostname, int port) {
        transactions(context).executeWithoutResult(status -> context.getBean(Session.class).add(new Host(hostname, port)));
    }

    /** Counts the statements the engine runs, to compare with the observations. */
    private static AtomicInteger countStatements(AssertableApplicationContext context) {
        AtomicInteger statements = new AtomicInteger();
        context.getBean(Engine.class).addStatementListener((sql, rows, nanos) -> statements.incrementAndGet());
        return statements;
    }

    private static List<KeyValue> allKeyValues(TestObservationRegistry registry) {
        List<KeyValue> values = new ArrayList<>();
        TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts -> contexts
                .forEach(context -> {
                    context.getAllKeyValues().forEach(values::add);
                    values.add(KeyValue.of("contextual name", String.valueOf(context.getContextualName())));
                }));
        return values;
    }

    @Test
    void everyStatementIsOneObservationWithItsKindOutcomeAndSqlButNoValue() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        observed(registry).run(context -> {
            registry.clear(); // the schema's statements at start-up
            AtomicInteger statements = countStatements(context);
            save(context, SECRET, 2222);
            Session session = context.getBean(Session.class);
            assertThat(session.query(Host.class).filterBy("hostname", SECRET).one().getPort()).isEqualTo(2222);

            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("quarry.statement", statements.get())
                    .forAllObservationsWithNameEqualTo("quarry.statement", observation -> observation
                            .doesNotHaveError()
                            .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                            .hasHighCardinalityKeyValueWithKey("sql"))
                    .hasAnObservation(observation -> observation.hasNameEqualTo("quarry.statement")
                            .hasContextualNameEqualTo("flush Host").hasLowCardinalityKeyValue("kind", "batch"))
                    .hasAnObservation(observation -> observation.hasNameEqualTo("quarry.statement")
                            .hasContextualNameEqualTo("query Host").hasLowCardinalityKeyValue("kind", "query")
                            .hasHighCardinalityKeyValue("rows", "1"));
            assertThat(statements.get()).as("on %s", db).isPositive();
            assertThat(allKeyValues(registry)).as("no bound value anywhere")
                    .noneSatisfy(value -> assertThat(value.getValue()).contains(SECRET));
        });
    }

    @Test
    void aFailedStatementIsRecordedWithOutcomeErrorAndTheException() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        observed(registry).run(context -> {
            save(context, "web-1", 22);
            registry.clear();

            assertThatThrownBy(() -> save(context, "web-1", 23)).isInstanceOf(DuplicateKeyException.class);

            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("quarry.statement", 1)
                    .hasObservationWithNameEqualTo("quarry.statement").that()
                    .hasLowCardinalityKeyValue("kind", "batch")
                    .hasLowCardinalityKeyValue("outcome", "ERROR")
                    .hasError()
                    .assertThatError().isInstanceOf(io.quarry.ConstraintViolationException.class);
        });
    }

    @Test
    void aRepositoryCallIsTheParentOfTheStatementsItRuns() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        observed(registry).run(context -> {
            save(context, SECRET, 22);
            registry.clear();

            assertThat(context.getBean(HostRepository.class).findByHostname(SECRET)).isPresent();

            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("quarry.repository.invocations", 1)
                    .hasObservationWithNameEqualTo("quarry.repository.invocations").that()
                    .hasContextualNameEqualTo("HostRepository.findByHostname")
                    .hasLowCardinalityKeyValue("repository", "HostRepository")
                    .hasLowCardinalityKeyValue("method", "findByHostname")
                    .hasLowCardinalityKeyValue("state", "SUCCESS")
                    .hasLowCardinalityKeyValue("exception", "None")
                    .hasBeenStopped();
            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("quarry.statement", 1)
                    .hasObservationWithNameEqualTo("quarry.statement").that()
                    .hasLowCardinalityKeyValue("kind", "query")
                    .hasParentObservationContextMatching(parent -> parent instanceof RepositoryInvocationContext call
                            && call.getMethod().getName().equals("findByHostname"));
            assertThat(allKeyValues(registry)).noneSatisfy(value -> assertThat(value.getValue()).contains(SECRET));
            assertThat(registry.getCurrentObservation()).as("the call's scope is closed").isNull();
        });
    }

    @Test
    void aFailedRepositoryCallIsRecordedWithStateErrorAndTheExceptionTheCallerGot() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        observed(registry).run(context -> {
            save(context, "web-1", 22);
            save(context, "web-2", 22);
            registry.clear();

            assertThatThrownBy(() -> context.getBean(HostRepository.class).findByPort(22))
                    .isInstanceOf(IncorrectResultSizeDataAccessException.class);

            TestObservationRegistryAssert.assertThat(registry)
                    .hasObservationWithNameEqualTo("quarry.repository.invocations").that()
                    .hasLowCardinalityKeyValue("state", "ERROR")
                    .hasLowCardinalityKeyValue("exception", "IncorrectResultSizeDataAccessException")
                    .assertThatError().isInstanceOf(IncorrectResultSizeDataAccessException.class);
            TestObservationRegistryAssert.assertThat(registry)
                    .hasObservationWithNameEqualTo("quarry.statement").that()
                    .as("the statement itself succeeded").hasLowCardinalityKeyValue("outcome", "SUCCESS");
        });
    }

    @Test
    void theSqlCanBeLeftOutOfTheObservations() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        observed(registry).withPropertyValues("quarry.observations.statements.include-sql=false").run(context -> {
            save(context, "web-1", 22);

            TestObservationRegistryAssert.assertThat(registry)
                    .forAllObservationsWithNameEqualTo("quarry.statement", observation -> observation
                            .doesNotHaveHighCardinalityKeyValueWithKey("sql")
                            .hasLowCardinalityKeyValueWithKey("kind"));
        });
    }

    /** A convention of the application's, replacing Quarry's names. */
    static class TeamConvention extends DefaultStatementObservationConvention implements StatementObservationConvention {
        @Override
        public String getName() {
            return "team.sql";
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(StatementObservationContext context) {
            return super.getLowCardinalityKeyValues(context).and("team", "inventory");
        }
    }

    @Test
    void aConventionBeanReplacesQuarrysNames() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        observed(registry).withBean(StatementObservationConvention.class, TeamConvention::new).run(context -> {
            save(context, "web-1", 22);

            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("quarry.statement", 0)
                    .hasAnObservation(observation -> observation.hasNameEqualTo("team.sql")
                            .hasLowCardinalityKeyValue("team", "inventory")
                            .hasLowCardinalityKeyValue("kind", "batch"));
        });
    }

    @Test
    void observationsCanBeSwitchedOffAndNeedAnObservationRegistry() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        observed(registry).withPropertyValues("quarry.observations.enabled=false").run(context -> {
            save(context, "web-1", 22);
            context.getBean(HostRepository.class).findByHostname("web-1");

            TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
        });
        observed(registry).withPropertyValues("quarry.observations.repositories.enabled=false").run(context -> {
            registry.clear();
            context.getBean(HostRepository.class).findByHostname("web-1");

            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo("quarry.repository.invocations", 0)
                    .hasNumberOfObservationsWithNameEqualTo("quarry.statement", 1);
        });
        QuarryContext.on(db).withConfiguration(AutoConfigurations.of(QuarryObservationAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(QuarryObservationAutoConfiguration.class));
    }

    @Test
    void aStreamIsObservedUntilItIsClosed() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        observed(registry).run(context -> {
            save(context, "web-1", 22);
            save(context, "web-2", 22);
            registry.clear();

            transactions(context).executeWithoutResult(status -> {
                try (var hosts = context.getBean(Session.class).query(Host.class).stream()) {
                    assertThat(hosts.count()).isEqualTo(2);
                    TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo("quarry.statement").that().isNotStopped();
                }
            });

            TestObservationRegistryAssert.assertThat(registry)
                    .hasObservationWithNameEqualTo("quarry.statement").that()
                    .hasLowCardinalityKeyValue("kind", "stream").hasHighCardinalityKeyValue("rows", "2")
                    .hasBeenStopped();
        });
    }

    @Test
    void aMeterRegistryGetsTimersTaggedWithTheLowCardinalityValuesOnly() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        QuarryContext.on(db)
                .withConfiguration(AutoConfigurations.of(QuarryObservationAutoConfiguration.class,
                        QuarryRepositoriesAutoConfiguration.class))
                .withUserConfiguration(Repositories.class)
                .withBean(ObservationRegistry.class, () -> registry)
                .run(context -> {
                    save(context, SECRET, 22);
                    HostRepository hosts = context.getBean(HostRepository.class);
                    hosts.findByHostname(SECRET);
                    hosts.findByHostname("web-9");

                    Timer query = meters.get("quarry.statement").tags("kind", "query", "outcome", "SUCCESS").timer();
                    assertThat(query.count()).as("on %s", db).isEqualTo(2);
                    assertThat(meters.get("quarry.statement").tags("kind", "batch").timer().count()).isEqualTo(1);
                    Timer calls = meters.get("quarry.repository.invocations").tags("repository", "HostRepository",
                            "method", "findByHostname", "state", "SUCCESS", "exception", "None").timer();
                    assertThat(calls.count()).isEqualTo(2);
                    assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                            .noneSatisfy(tag -> assertThat(tag.getKey()).isIn("sql", "rows"))
                            .noneSatisfy(tag -> assertThat(tag.getValue()).contains(SECRET)));
                });
    }
}
