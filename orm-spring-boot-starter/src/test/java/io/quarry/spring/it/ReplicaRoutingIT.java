package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.session.Session;
import io.quarry.spring.replica.QuarryReplica;
import io.quarry.spring.replica.QuarryReplicaAutoConfiguration;
import io.quarry.spring.replica.ReadReplicas;
import io.quarry.spring.replica.ReplicaStatistics;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import io.quarry.testing.TestReplica;
import java.net.ServerSocket;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-replica routing against real replicas ({@link TestReplica}): PostgreSQL streaming replication of the
 * postgresql test server, and a MariaDB primary and replica with GTID replication for the mysql runs. Where
 * each kind of work goes, the replication lag and the read-your-writes window that hides it, a dead replica,
 * and the switch that turns it all off. The replica proves where a statement ran: {@code pg_is_in_recovery()}
 * is true only there, as MariaDB's {@code @@global.read_only} is only on its replica.
 */
@CrossDatabaseTest
@ExtendWith(OutputCaptureExtension.class)
class ReplicaRoutingIT {

    private final TestDatabase db;

    ReplicaRoutingIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_host", "spring_account");
    }

    @Test
    void readOnlyTransactionsReadFromTheReplicaOnTheConnectionJdbcTemplateShares() {
        TestReplica replica = TestReplica.of(db);
        replicated(replica).run(context -> {
            replica.awaitReplay();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Session session = context.getBean(Session.class);

            List<Object> seen = readOnly(context).execute(status -> List.of(
                    jdbc.queryForObject(replica.onReplicaQuery(), Boolean.class),
                    jdbc.queryForObject(replica.connectionIdQuery(), Long.class),
                    session.sqlRows(replica.connectionIdQuery(), Map.of()).get(0).getLong(0),
                    session.query(Host.class).count()));

            assertThat(seen.get(0)).as("in recovery: on the replica").isEqualTo(true);
            assertThat(seen.get(2)).as("Quarry's backend is JdbcTemplate's").isEqualTo(seen.get(1));
            assertThat(seen.get(3)).isEqualTo(0L);
            assertThat(statistics(context)).isEqualTo(new ReplicaStatistics(1, 0, 0, 0));
        });
    }

    @Test
    void theReplicaRefusesWritesInAReadOnlyTransaction() {
        TestReplica replica = TestReplica.of(db);
        replicated(replica).run(context -> {
            replica.awaitReplay();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            assertThatThrownBy(() -> readOnly(context).executeWithoutResult(status -> {
                assertThat(jdbc.queryForObject(replica.onReplicaQuery(), Boolean.class)).isTrue();
                jdbc.update("insert into spring_host (hostname, port) values ('web-1', 22)");
            })).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining(replica.readOnlyRefusal());
        });
    }

    @Test
    void quarryReadsOutsideATransactionGoToTheReplica() {
        TestReplica replica = TestReplica.of(db);
        replicated(replica).run(context -> {
            replica.awaitReplay();
            Session session = context.getBean(Session.class);

            assertThat(onReplica(session, replica))
                    .isTrue();
            assertThat(session.query(Host.class).all()).isEmpty();
            assertThat(statistics(context)).isEqualTo(new ReplicaStatistics(2, 0, 0, 0));
        });
    }

    @Test
    void readWriteTransactionsWriteAndReadOnThePrimary() {
        TestReplica replica = TestReplica.of(db);
        replicated(replica).run(context -> {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Session session = context.getBean(Session.class);

            List<Object> seen = readWrite(context).execute(status -> {
                session.add(new Host("web-1", 22));
                return List.of(jdbc.queryForObject(replica.onReplicaQuery(), Boolean.class), session.query(Host.class).count(),
                        jdbc.queryForObject("select count(*) from spring_host", Long.class));
            });

            assertThat(seen).containsExactly(false, 1L, 1L);
            assertThat(statistics(context)).isEqualTo(new ReplicaStatistics(0, 0, 0, 0));
        });
    }

    @Test
    void replicationLagShowsOnTheReplicaAndTheReadYourWritesWindowHidesIt() throws Exception {
        TestReplica replica = TestReplica.of(db);
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        try (Connection replay = replica.connect()) {
            replicated(replica).run(context -> {
                replica.awaitReplay();
                Session session = context.getBean(Session.class);
                replica.pauseReplay(replay);
                try {
                    readWrite(context).executeWithoutResult(status -> session.add(new Host("web-1", 22)));

                    long ownThread = session.query(Host.class).count();
                    long elsewhere = otherThread.submit(() -> session.query(Host.class).count()).get();

                    assertThat(ownThread).as("the writer's thread, in its window: the primary").isEqualTo(1);
                    assertThat(elsewhere).as("another thread: the replica, which has not replayed the insert")
                            .isZero();
                    assertThat(statistics(context)).isEqualTo(new ReplicaStatistics(1, 0, 1, 0));
                } finally {
                    replica.resumeReplay(replay);
                }
                replica.awaitReplay();
                assertThat(otherThread.submit(() -> session.query(Host.class).count()).get()).isEqualTo(1);
            });
        } finally {
            otherThread.shutdown();
            assertThat(otherThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void afterTheWindowTheWritersReadsGoBackToTheReplica() throws Exception {
        TestReplica replica = TestReplica.of(db);
        try (Connection replay = replica.connect()) {
            replicated(replica, "quarry.replicas.read-your-writes=300ms").run(context -> {
                replica.awaitReplay();
                Session session = context.getBean(Session.class);
                replica.pauseReplay(replay);
                try {
                    readWrite(context).executeWithoutResult(status -> session.add(new Host("web-1", 22)));
                    long inWindow = session.query(Host.class).count();
                    Thread.sleep(400);
                    long afterWindow = session.query(Host.class).count();

                    assertThat(inWindow).isEqualTo(1);
                    assertThat(afterWindow).as("the replica, lagging behind").isZero();
                } finally {
                    replica.resumeReplay(replay);
                }
            });
        }
    }

    @Test
    void replicationLagWithoutAPauseIsMeasured() {
        TestReplica replica = TestReplica.of(db);
        replicated(replica, "quarry.replicas.read-your-writes=0").run(context -> {
            replica.awaitReplay();
            Session session = context.getBean(Session.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            int rounds = 20;
            int seenAtOnce = 0;
            long slowestNanos = 0;
            for (int round = 0; round < rounds; round++) {
                String hostname = "web-" + round;
                readWrite(context).executeWithoutResult(status -> session.add(new Host(hostname, 22)));
                long written = System.nanoTime();
                int reads = 0;
                while (readOnly(context).execute(status -> jdbc.queryForObject(
                        "select count(*) from spring_host where hostname = ?", Long.class, hostname)) == 0) {
                    reads++;
                    assertThat(System.nanoTime() - written).as("lag").isLessThan(TimeUnit.SECONDS.toNanos(10));
                }
                seenAtOnce += reads == 0 ? 1 : 0;
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - written);
            }
            System.out.printf("replica lag on %s: %d of %d writes seen by the first read on the replica; slowest "
                    + "seen after %.1f ms%n", db.name(), seenAtOnce, rounds, slowestNanos / 1e6);
            assertThat(statistics(context).fromReplica()).isGreaterThanOrEqualTo(rounds);
        });
    }

    @Test
    void aReplicaThatGivesNoConnectionIsSkippedAndItsReadsGoToThePrimary(CapturedOutput output) throws Exception {
        TestReplica replica = TestReplica.of(db);
        String closed = replica.onPort(closedPort());
        replicated(replica, "quarry.replicas.nodes[0].url=" + closed, "quarry.replicas.nodes[0].hikari.connection-timeout=500")
                .run(context -> {
                    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

                    boolean first = readOnly(context).execute(status -> jdbc.queryForObject(replica.onReplicaQuery(), Boolean.class));
                    boolean second = readOnly(context).execute(status -> jdbc.queryForObject(replica.onReplicaQuery(), Boolean.class));

                    assertThat(first).as("the primary").isFalse();
                    assertThat(second).as("the primary").isFalse();
                    assertThat(statistics(context)).as("one failed connect, then skipped for the back-off")
                            .isEqualTo(new ReplicaStatistics(0, 2, 0, 1));
                    assertThat(output).contains("WARN", "Read replica quarry-replica-1 (" + closed
                            + ") gave no connection", "quarry.replicas.back-off");
                    assertThatThrownBy(() -> readOnly(context).executeWithoutResult(status ->
                            jdbc.update("insert into spring_host (hostname, port) values ('web-1', 22)")))
                            .as("a read-only transaction on the primary stays read-only")
                            .hasMessageContaining(replica.readOnlyRefusal());
                });
    }

    @Test
    void aDeadReplicaIsSkippedForTheLiveOnes() throws Exception {
        TestReplica replica = TestReplica.of(db);
        String closed = replica.onPort(closedPort());
        replicated(replica, "quarry.replicas.nodes[1].url=" + closed, "quarry.replicas.nodes[1].username=" + replica.user(),
                "quarry.replicas.nodes[1].hikari.connection-timeout=500").run(context -> {
            replica.awaitReplay();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            for (int read = 0; read < 4; read++) {
                assertThat((boolean) readOnly(context).execute(status -> jdbc.queryForObject(replica.onReplicaQuery(), Boolean.class)))
                        .isTrue();
            }

            assertThat(statistics(context)).isEqualTo(new ReplicaStatistics(4, 0, 0, 1));
            assertThat(context.getBean(ReadReplicas.class).names()).hasSize(2);
        });
    }

    @Test
    void disabledReplicasLeaveEverythingOnThePrimary() {
        TestReplica replica = TestReplica.of(db);
        replicated(replica, "quarry.replicas.enabled=false").run(context -> {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Session session = context.getBean(Session.class);

            assertThat((boolean) readOnly(context).execute(status -> jdbc.queryForObject(replica.onReplicaQuery(), Boolean.class))).isFalse();
            assertThat(onReplica(session, replica))
                    .isFalse();
            assertThat(context).doesNotHaveBean(ReadReplicas.class);
        });
    }

    @Test
    void aDataSourceBeanMarkedQuarryReplicaIsAReplica() {
        TestReplica replica = TestReplica.of(db);
        QuarryContext.on(db, replica.primary())
                .withConfiguration(AutoConfigurations.of(QuarryReplicaAutoConfiguration.class))
                .withUserConfiguration(OwnReplica.class)
                .withPropertyValues("test.replica.url=" + replica.url(), "test.replica.user=" + replica.user(),
                        "test.replica.password=" + replica.password())
                .run(context -> {
                    replica.awaitReplay();
                    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

                    boolean readOnly = readOnly(context).execute(status -> jdbc.queryForObject(replica.onReplicaQuery(), Boolean.class));
                    boolean readWrite = readWrite(context).execute(status -> jdbc.queryForObject(replica.onReplicaQuery(), Boolean.class));

                    assertThat(readOnly).isTrue();
                    assertThat(readWrite).isFalse();
                    assertThat(context.getBean(ReadReplicas.class).names()).containsExactly("reportingReplica");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnReplica {

        @Bean(defaultCandidate = false)
        @QuarryReplica
        DataSource reportingReplica(Environment environment) {
            return new DriverManagerDataSource(environment.getRequiredProperty("test.replica.url"),
                    environment.getRequiredProperty("test.replica.user"),
                    environment.getProperty("test.replica.password", ""));
        }
    }

    /** The starter's context on the test database, with its replica as quarry.replicas.nodes[0]. */
    private ApplicationContextRunner replicated(TestReplica replica, String... properties) {
        return QuarryContext.on(db, replica.primary())
                .withConfiguration(AutoConfigurations.of(QuarryReplicaAutoConfiguration.class))
                .withPropertyValues("quarry.replicas.nodes[0].url=" + replica.url(),
                        "quarry.replicas.nodes[0].username=" + replica.user(),
                        "quarry.replicas.nodes[0].password=" + replica.password())
                .withPropertyValues(properties);
    }

    /** Quarry's answer to the replica's question (a boolean on PostgreSQL, a number on MariaDB). */
    private static boolean onReplica(Session session, TestReplica replica) {
        Object answer = session.sqlRows(replica.onReplicaQuery(), Map.of()).get(0).get(0);
        return answer instanceof Boolean truth ? truth : ((Number) answer).intValue() != 0;
    }

    private static ReplicaStatistics statistics(AssertableApplicationContext context) {
        return context.getBean(ReadReplicas.class).statistics();
    }

    private static TransactionTemplate readOnly(AssertableApplicationContext context) {
        TransactionTemplate template = readWrite(context);
        template.setReadOnly(true);
        return template;
    }

    private static TransactionTemplate readWrite(AssertableApplicationContext context) {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    /** A port nothing listens on (taken and given back; nothing here binds ports in between). */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
