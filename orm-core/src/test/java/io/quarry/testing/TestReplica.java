package io.quarry.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL streaming replica of the postgresql test server that {@code .ci/pg-replica} makes on
 * 127.0.0.1:5433 ({@code QUARRY_REPLICA_URL} points elsewhere). Tests that need it skip without it, or fail
 * when {@code QUARRY_TEST_REPLICA=required} (as in CI). Stateless.
 */
public final class TestReplica {

    private static final Pattern HOST_AND_PORT = Pattern.compile("^(jdbc:postgresql://)[^/]*(/.*)$");

    private TestReplica() {
    }

    /** The replica's URL: {@code QUARRY_REPLICA_URL}, else the test database's on 127.0.0.1:5433. */
    public static String url(TestDatabase db) {
        String configured = System.getenv("QUARRY_REPLICA_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Matcher matcher = HOST_AND_PORT.matcher(db.jdbcUrl());
        if (!matcher.matches()) {
            throw new IllegalStateException("cannot derive the replica's URL from " + db.jdbcUrl()
                    + "; set QUARRY_REPLICA_URL");
        }
        return matcher.group(1) + "127.0.0.1:5433" + matcher.group(2);
    }

    /**
     * Skips the calling test unless {@code db} is PostgreSQL and its replica answers and is in recovery;
     * fails it instead when the replica is required and does not.
     */
    public static void assume(TestDatabase db) {
        Assumptions.assumeTrue(db.name().equals(TestDatabase.POSTGRESQL),
                "the replica of .ci/pg-replica is a PostgreSQL streaming replica; this run is on " + db.name());
        String problem = problem(db);
        if (problem == null) {
            return;
        }
        String message = "no read replica at " + url(db) + ": " + problem + ". Start one with "
                + "'.ci/pg-replica start /tmp/quarry-replica' (as root; .ci/run does)";
        if ("required".equalsIgnoreCase(System.getenv("QUARRY_TEST_REPLICA"))) {
            Assertions.fail(message + " (QUARRY_TEST_REPLICA=required)");
        }
        Assumptions.abort(message);
    }

    private static String problem(TestDatabase db) {
        Properties login = new Properties();
        login.setProperty("user", db.user());
        login.setProperty("password", db.password());
        login.setProperty("connectTimeout", "2");
        try (Connection connection = DriverManager.getConnection(url(db), login);
                Statement statement = connection.createStatement();
                ResultSet recovery = statement.executeQuery("select pg_is_in_recovery()")) {
            recovery.next();
            return recovery.getBoolean(1) ? null : "it is not in recovery, so it is no replica";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** A connection of its own to the replica (the caller closes it), to pause and resume its replay. */
    public static Connection connect(TestDatabase db) throws SQLException {
        return DriverManager.getConnection(url(db), db.user(), db.password());
    }

    /** Waits until the replica has replayed everything the primary has written so far (at most 30 s). */
    public static void awaitReplay(TestDatabase db) throws SQLException, InterruptedException {
        String primaryLsn;
        try (Connection primary = db.dataSource().getConnection();
                Statement statement = primary.createStatement();
                ResultSet lsn = statement.executeQuery("select pg_current_wal_lsn()::text")) {
            lsn.next();
            primaryLsn = lsn.getString(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection replica = connect(db);
                var caughtUp = replica.prepareStatement("select pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            caughtUp.setString(1, primaryLsn);
            while (true) {
                try (ResultSet result = caughtUp.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the replica has not replayed up to " + primaryLsn + " after 30 s");
                }
                Thread.sleep(5);
            }
        }
    }

    /** Pauses the replica's replay of the WAL it receives, and waits until it has paused. */
    public static void pauseReplay(Connection replica) throws SQLException, InterruptedException {
        try (Statement statement = replica.createStatement()) {
            statement.execute("select pg_wal_replay_pause()");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try (ResultSet state = statement.executeQuery("select pg_get_wal_replay_pause_state()")) {
                    state.next();
                    if (state.getString(1).equals("paused")) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the replica's replay has not paused after 10 s");
                }
                Thread.sleep(5);
            }
        }
    }

    public static void resumeReplay(Connection replica) throws SQLException {
        try (Statement statement = replica.createStatement()) {
            statement.execute("select pg_wal_replay_resume()");
        }
    }
}
