package io.quarry.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.quarry.QuarryException;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Connections that fail under a session: killed by the server mid-transaction, not to be had from an
 * exhausted pool, or unable to begin a transaction. Each ends in a Quarry exception, commits nothing
 * and leaves the pool with no connection in use. Runs on a pool of its own (two connections).
 */
@CrossDatabaseTest
@Tag("reliability")
class ConnectionFaultsIT {

    private static final int POOL_SIZE = 2;

    private final TestDatabase db;
    private HikariDataSource pool;
    private Engine engine;

    ConnectionFaultsIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTable() {
        pool = db.newPool(config -> {
            config.setMaximumPoolSize(POOL_SIZE);
            config.setConnectionTimeout(1_000);
        });
        engine = Engine.builder(pool).build();
        engine.dropAll(Note.class);
        engine.createAll(Note.class);
    }

    @AfterEach
    void dropTable() {
        try {
            db.dropTablesQuietly("rel_note");
        } finally {
            pool.close();
        }
    }

    @Test
    void aConnectionKilledByTheServerMidTransactionFailsTheCommitCommitsNothingAndThePoolRecovers() throws Exception {
        Throwable thrown;
        Session session = engine.openSession();
        try {
            for (int i = 0; i < 10; i++) {
                session.add(new Note("before the kill " + i, "x"));
            }
            session.flush();
            Object ownId = session.sqlRows(ownConnectionIdSql(), Map.of()).get(0).get(0);
            killFromAnotherConnection(ownId);

            thrown = catchThrowable(() -> {
                session.add(new Note("after the kill", "x"));
                session.commit();
            });
        } finally {
            catchThrowable(session::close); // the rollback may fail too: the connection is gone
        }

        assertThat(thrown).as("on %s", db).isInstanceOf(QuarryException.class);
        assertThat(countNotes()).as("notes committed on %s", db).isZero();
        waitOutHikariAliveBypassOnH2();
        for (int i = 0; i < POOL_SIZE + 1; i++) {
            try (Session next = engine.openSession()) {
                next.add(new Note("after recovery " + i, "x"));
                next.commit();
            }
        }
        assertThat(countNotes()).as("notes committed after the kill on %s", db).isEqualTo(POOL_SIZE + 1);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use on %s", db).isZero();
        System.out.println("reliability[" + db + "] killed connection: " + thrown.getClass().getSimpleName() + ": "
                + thrown.getMessage().lines().findFirst().orElse(""));
    }

    @Test
    void aSessionThatFindsThePoolExhaustedFailsWithAClearErrorAndTakesNothing() {
        Throwable thrown;
        try (Session first = engine.openSession(); Session second = engine.openSession()) {
            first.query(Note.class).all(); // each holds its connection until its transaction ends
            second.query(Note.class).all();

            try (Session third = engine.openSession()) {
                thrown = catchThrowable(() -> third.query(Note.class).all());
            }
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(POOL_SIZE);
        }

        assertThat(thrown).as("on %s", db).isInstanceOf(QuarryException.class)
                .hasMessageContaining("begin a transaction")
                .hasMessageContaining("request timed out")
                .hasCauseInstanceOf(SQLTransientConnectionException.class);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use on %s", db).isZero();
        try (Session session = engine.openSession()) {
            assertThat(session.query(Note.class).count()).isZero();
        }
        System.out.println("reliability[" + db + "] pool exhausted: " + thrown.getMessage());
    }

    @Test
    void aConnectionThatCannotBeginATransactionIsGivenBackToThePool() {
        Engine failing = Engine.builder(refusingTransactions(pool)).build();

        Throwable thrown;
        try (Session session = failing.openSession()) {
            thrown = catchThrowable(() -> session.query(Note.class).all());
        }

        assertThat(thrown).as("on %s", db).isInstanceOf(QuarryException.class).hasMessageContaining("begin a transaction");
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use on %s", db).isZero();
    }

    /** The pool's connections, except that switching auto-commit off fails as on a broken connection. */
    private static DataSource refusingTransactions(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (inner, connectionMethod, connectionArgs) -> {
                                if (connectionMethod.getName().equals("setAutoCommit")
                                        && Boolean.FALSE.equals(connectionArgs[0])) {
                                    throw new SQLException("connection reset (simulated)", "08S01");
                                }
                                return invoke(connection, connectionMethod, connectionArgs);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * HikariCP evicts a connection whose error it knows as fatal (MySQL's 08S01, PostgreSQL's 57P01), but
     * not H2's "Database is already closed" (90121) after ABORT_SESSION: the dead connection goes back to
     * the pool, and HikariCP tests a connection before handing it out only when it has been idle for
     * 500 ms (its alive-bypass window). Waiting that out once lets the pool find and replace it.
     */
    private void waitOutHikariAliveBypassOnH2() throws InterruptedException {
        if (db.name().equals("h2")) {
            Thread.sleep(600);
        }
    }

    private String ownConnectionIdSql() {
        return switch (db.name()) {
            case "mysql" -> "select connection_id() as id";
            case "postgresql" -> "select pg_backend_pid() as id";
            default -> "select session_id() as id";
        };
    }

    /** Ends the session {@code id} from a connection of the shared pool, and waits until it is gone. */
    private void killFromAnotherConnection(Object id) throws SQLException, InterruptedException {
        long sessionId = ((Number) id).longValue();
        try (Connection admin = db.dataSource().getConnection(); Statement statement = admin.createStatement()) {
            switch (db.name()) {
                case "mysql" -> statement.execute("kill " + sessionId);
                case "postgresql" -> statement.execute("select pg_terminate_backend(" + sessionId + ")");
                default -> statement.execute("call abort_session(" + sessionId + ")");
            }
            String stillThere = switch (db.name()) {
                case "mysql" -> "select count(*) from information_schema.processlist where id = " + sessionId;
                case "postgresql" -> "select count(*) from pg_stat_activity where pid = " + sessionId;
                default -> "select count(*) from information_schema.sessions where session_id = " + sessionId;
            };
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (count(statement, stillThere) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("session " + sessionId + " still there 10 s after being killed on " + db);
                }
                Thread.sleep(20);
            }
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long countNotes() throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            return count(statement, "select count(*) from rel_note");
        }
    }
}
