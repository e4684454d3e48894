package io.quarry.spring.replica;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the replica auto-configuration fits Spring Boot's DataSource: the primary still comes from
 * spring.datasource.* beside a {@link QuarryReplica} bean, stays the one DataSource bean (wrapped, and still
 * unwrapping to its Hikari pool for Boot's metrics) and is left alone without replicas. On H2 databases in
 * memory, each of which answers with its own name.
 */
class QuarryReplicaAutoConfigurationTest {

    private final ApplicationContextRunner boot = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class, QuarryReplicaAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + named("auto-primary"));

    @Test
    void bootStillMakesThePrimaryBesideAQuarryReplicaBeanAndRoutesReadOnlyWorkToTheReplica() {
        boot.withUserConfiguration(OwnReplica.class).run(context -> {
            assertThat(context).hasNotFailed();
            DataSource primary = context.getBean(DataSource.class);

            assertThat(primary).isInstanceOf(LazyConnectionDataSourceProxy.class);
            assertThat(DataSourceUnwrapper.unwrap(primary, HikariConfigMXBean.class, HikariDataSource.class))
                    .as("Boot's pool metrics and health still find the Hikari pool").isNotNull();
            assertThat(whoami(context, true)).isEqualTo("auto-replica");
            assertThat(whoami(context, false)).isEqualTo("auto-primary");
            assertThat(context.getBean(ReadReplicas.class).names()).containsExactly("ownReplica");
        });
    }

    @Test
    void publishesTheStatisticsAsMicrometerCounters() {
        boot.withPropertyValues("quarry.replicas.nodes[0].url=" + named("auto-replica"),
                "quarry.replicas.read-your-writes=1m").run(context -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(MeterBinder.class).bindTo(registry);

            whoami(context, true);
            whoami(context, false);
            whoami(context, true);

            assertThat(registry.get("quarry.replicas.connections").tag("to", "replica").functionCounter().count())
                    .isEqualTo(1);
            assertThat(registry.get("quarry.replicas.connections").tag("to", "primary-after-write").functionCounter()
                    .count()).isEqualTo(1);
            assertThat(registry.get("quarry.replicas.connections").tag("to", "primary-fallback").functionCounter()
                    .count()).isZero();
            assertThat(registry.get("quarry.replicas.failed.connects").functionCounter().count()).isZero();
        });
    }

    @Test
    void withoutReplicasThePrimaryIsLeftAsItIs() {
        boot.run(context -> {
            assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
            assertThat(context.getBean(ReadReplicas.class).names()).isEmpty();
            assertThat(whoami(context, true)).isEqualTo("auto-primary");
        });
    }

    @Test
    void replicasOfThePropertiesGetPoolsNamedInTurn() {
        boot.withPropertyValues("quarry.replicas.nodes[0].url=" + named("auto-replica"),
                "quarry.replicas.nodes[1].url=" + named("auto-primary"),
                "quarry.replicas.nodes[1].hikari.pool-name=second").run(context -> {
            assertThat(context.getBean(ReadReplicas.class).names()).containsExactly(
                    "quarry-replica-1 (" + named("auto-replica") + ")", "second (" + named("auto-primary") + ")");
            assertThat(whoami(context, true)).isEqualTo("auto-replica");
            assertThat(whoami(context, true)).isEqualTo("auto-primary");
        });
    }

    @Test
    void reportsTheHealthOfEachReplicaUnderItsPoolNameAndWhetherTheRoutingSkipsIt() {
        boot.withPropertyValues("quarry.replicas.nodes[0].url=" + named("auto-replica"),
                "quarry.replicas.nodes[1].url=jdbc:h2:tcp://127.0.0.1:1/nobody-listens",
                "quarry.replicas.nodes[1].hikari.connection-timeout=250").run(context -> {
            CompositeHealthContributor replicas = context.getBean("replicasHealthContributor",
                    CompositeHealthContributor.class);
            assertThat(replicas.stream().map(HealthContributors.Entry::name))
                    .containsExactly("quarry-replica-1", "quarry-replica-2");

            Health live = health(replicas, "quarry-replica-1");
            assertThat(live.getStatus()).isEqualTo(Status.UP);
            assertThat(live.getDetails()).containsEntry("database", "H2").containsEntry("routing", "in rotation");
            Health dead = health(replicas, "quarry-replica-2");
            assertThat(dead.getStatus()).isEqualTo(Status.DOWN);
            assertThat(dead.getDetails()).containsKey("error").containsEntry("routing", "in rotation");

            assertThat(whoami(context, true)).isEqualTo("auto-replica");
            assertThat(whoami(context, true)).as("the dead replica's turn goes to the live one").isEqualTo("auto-replica");
            assertThat(health(replicas, "quarry-replica-2").getDetails())
                    .containsEntry("routing", "skipped after a failed connect (quarry.replicas.back-off)");
        });
    }

    @Test
    void replicaHealthIsOffWithBootsHealthProperty() {
        boot.withPropertyValues("quarry.replicas.nodes[0].url=" + named("auto-replica"),
                "management.health.replicas.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("replicasHealthContributor");
            assertThat(whoami(context, true)).isEqualTo("auto-replica");
        });
    }

    private static Health health(CompositeHealthContributor replicas, String name) {
        return ((HealthIndicator) replicas.getContributor(name)).health();
    }

    @Test
    void aReplicaWithoutAnUrlStopsTheStartSayingWhichOne() {
        boot.withPropertyValues("quarry.replicas.nodes[0].username=sa").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("quarry.replicas.nodes[0].url is not set"));
    }

    private static String whoami(AssertableApplicationContext context, boolean readOnly) {
        TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        transactions.setReadOnly(readOnly);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return transactions.execute(status -> jdbc.queryForObject("select name from whoami", String.class));
    }

    /** The URL of an H2 database in memory whose table whoami holds {@code name}. */
    private static String named(String name) {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa"); // Boot's login for an embedded database
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists whoami (name varchar(20))");
            statement.execute("delete from whoami");
            statement.execute("insert into whoami values ('" + name + "')");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return url;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnReplica {

        @Bean(defaultCandidate = false)
        @QuarryReplica
        DataSource ownReplica() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(named("auto-replica"));
            h2.setUser("sa");
            return h2;
        }
    }
}
