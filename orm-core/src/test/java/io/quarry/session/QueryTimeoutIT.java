package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.LockFailureException;
import io.quarry.QueryTimeoutException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query timeouts: the engine's default, the session's and a query's own, and which one fired. */
@CrossDatabaseTest
class QueryTimeoutIT {

    private final TestDatabase db;

    QueryTimeoutIT(TestDatabase db) {
        this.db = db;
    }

    /** A statement that runs for several seconds unless cancelled. */
    static String slowSql(TestDatabase db) {
        return switch (db.name()) {
            case "postgresql" -> "select pg_sleep(5)";
            case "mysql" -> "select sleep(5)";
            default -> "select count(*) from system_range(1, 2000000000) a where mod(a.x, 7) = 3";
        };
    }

    @Test
    void theEnginesQueryTimeoutCancelsASlowStatementAndSaysSo() {
        Engine engine = Engine.builder(db.dataSource()).queryTimeout(Duration.ofSeconds(1)).build();
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.sqlRows(slowSql(db), Map.of()))
                    .as("on %s", db)
                    .isInstanceOf(QueryTimeoutException.class)
                    .hasMessageContaining("the engine's query timeout of 1 s")
                    .extracting(e -> ((QueryTimeoutException) e).getLimit())
                    .isEqualTo("the engine's query timeout of 1 s");
        }
    }

    @Test
    void aSessionsQueryTimeoutReplacesTheEngineDefault() {
        Engine engine = Engine.builder(db.dataSource()).queryTimeout(Duration.ofSeconds(30)).build();
        SessionFactory factory = engine.sessionFactory()
                .withOptions(SessionOptions.DEFAULTS.withQueryTimeout(Duration.ofMillis(500)));
        try (Session session = factory.openSession()) {
            assertThatThrownBy(() -> session.sqlRows(slowSql(db), Map.of()))
                    .as("on %s", db)
                    .isInstanceOf(QueryTimeoutException.class)
                    .hasMessageContaining("the session's query timeout of 1 s");
        }
    }

    @Test
    void aRunningRepositoryMethodsOwnTimeoutReplacesTheSessionsForItsStatements() {
        Engine engine = Engine.builder(db.dataSource()).queryTimeout(Duration.ofSeconds(30)).build();
        try (Session session = engine.openSession()) {
            StatementSession statements = (StatementSession) session;
            assertThatThrownBy(() -> statements.withQueryTimeout(Duration.ofSeconds(1), "the @QueryTimeout of Repo.slow()",
                    () -> session.sqlRows(slowSql(db), Map.of())))
                    .as("on %s", db)
                    .isInstanceOf(QueryTimeoutException.class)
                    .hasMessageContaining("the @QueryTimeout of Repo.slow() of 1 s");
        }
    }

    @Test
    void aQuerysOwnTimeoutReplacesTheSessionsWhileItWaitsForALock() throws Exception {
        Engine engine = Engine.builder(db.dataSource()).queryTimeout(Duration.ofSeconds(30)).build();
        engine.dropAll(Server.class);
        engine.createAll(Server.class);
        try (Session session = engine.openSession()) {
            session.add(new Server("locked", "r1", 22));
            session.commit();
        }
        try (java.sql.Connection holder = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (var statement = holder.createStatement()) {
                statement.executeUpdate("update s3_server set port = 1");
            }
            try (Session session = engine.openSession()) {
                Query<Server> locking = session.query(Server.class).forUpdate().timeout(Duration.ofSeconds(1));
                if (db.name().equals("h2")) {
                    // H2 does not cancel a lock wait at the query timeout; its own LOCK_TIMEOUT ends it
                    assertThatThrownBy(locking::all).isInstanceOf(LockFailureException.class);
                } else {
                    assertThatThrownBy(locking::all)
                            .as("on %s", db)
                            .isInstanceOf(QueryTimeoutException.class)
                            .hasMessageContaining("the query's timeout of 1 s");
                }
            } finally {
                holder.rollback();
            }
        } finally {
            engine.dropAll(Server.class);
        }
    }

    @Test
    void negativeTimeoutsAreRefusedWhereTheyAreGiven() {
        assertThatThrownBy(() -> SessionOptions.DEFAULTS.withQueryTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Engine.builder(db.dataSource()).queryTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
