package io.quarry.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real read replica for a test database, and the primary it replicates: on {@code postgresql}, the streaming
 * replica of the test server that {@code .ci/pg-replica} makes on 127.0.0.1:5433; on {@code mysql}, the MariaDB
 * pair that {@code .ci/mariadb-replica} makes (primary 127.0.0.1:3307, replica 127.0.0.1:3308, a server of its
 * own because the shared one runs without a binary log), with a database of the test database's name. H2 has
 * none. {@link #of} skips the calling test without one, or fails it when {@code QUARRY_TEST_REPLICA=required}
 * (as in CI). Also what differs between the two: how to tell the replica, pause its replay and wait for it.
 * Thread-safe (the MariaDB primary's pool is created once per URL).
 */
public final class TestReplica {

    private static final Pattern URL = Pattern.compile("^(jdbc:[a-z]+://)[^/]*/([^?;]*)(.*)$");
    private static final Map<String, HikariDataSource> PAIR_PRIMARIES = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PAIR_PRIMARIES.values().forEach(HikariDataSource::close),
                "quarry-test-replica-pool-closer"));
    }

    private final TestDatabase db;
    private final boolean postgres;

    private TestReplica(TestDatabase db) {
        this.db = db;
        this.postgres = db.name().equals(TestDatabase.POSTGRESQL);
    }

    /**
     * The replica of {@code db}; skips the calling test when there is none, or fails it when the replica is
     * required and does not answer.
     */
    public static TestReplica of(TestDatabase db) {
        Assumptions.assumeFalse(db.name().equals(TestDatabase.H2), "H2 has no replicas");
        TestReplica replica = new TestReplica(db);
        String problem = replica.problem();
        if (problem != null) {
            String message = "no read replica at " + replica.url() + ": " + problem + ". Start one with '"
                    + (replica.postgres ? ".ci/pg-replica" : ".ci/mariadb-replica")
                    + " start /tmp/quarry-replica' (as root; .ci/run does)";
            if ("required".equalsIgnoreCase(System.getenv("QUARRY_TEST_REPLICA"))) {
                Assertions.fail(message + " (QUARRY_TEST_REPLICA=required)");
            }
            Assumptions.abort(message);
        }
        return replica;
    }

    /** The JDBC URL of the replica. */
    public String url() {
        return onPort(postgres ? 5433 : 3308);
    }

    /** The same database on another port of 127.0.0.1, e.g. one nothing listens on. */
    public String onPort(int port) {
        Matcher matcher = URL.matcher(db.jdbcUrl());
        if (!matcher.matches()) {
            throw new IllegalStateException("cannot tell the database of " + db.jdbcUrl());
        }
        return matcher.group(1) + "127.0.0.1:" + port + "/" + matcher.group(2) + matcher.group(3);
    }

    /** The JDBC URL of the primary: the test database's, or the MariaDB pair's primary. */
    public String primaryUrl() {
        return postgres ? db.jdbcUrl() : onPort(3307);
    }

    public String user() {
        return postgres ? db.user() : "root";
    }

    public String password() {
        return postgres ? db.password() : "";
    }

    /** The primary: the test database's shared pool, or a pool of the MariaDB pair's primary (not to be closed). */
    public DataSource primary() {
        if (postgres) {
            return db.dataSource();
        }
        return PAIR_PRIMARIES.computeIfAbsent(primaryUrl(), url -> {
            HikariConfig config = new HikariConfig();
            config.setPoolName("quarry-test-mariadb-primary");
            config.setJdbcUrl(url);
            config.setUsername(user());
            config.setPassword(password());
            config.setMaximumPoolSize(5);
            config.setMinimumIdle(0);
            return new HikariDataSource(config);
        });
    }

    /** A query whose one boolean column is true on the replica and false on the primary. */
    public String onReplicaQuery() {
        return postgres ? "select pg_is_in_recovery()" : "select @@global.read_only = 1";
    }

    /** A query of the server's id for the connection it runs on. */
    public String connectionIdQuery() {
        return postgres ? "select pg_backend_pid()" : "select connection_id()";
    }

    /** What an INSERT in a read-only transaction is refused with: by the server on PostgreSQL, by Connector/J. */
    public String readOnlyRefusal() {
        return postgres ? "cannot execute INSERT in a read-only transaction" : "Connection is read-only";
    }

    /** A connection of its own to the replica (the caller closes it), to pause and resume its replay. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    /** Waits until the replica has applied everything the primary has written so far (at most 30 s). */
    public void awaitReplay() throws SQLException, InterruptedException {
        String position;
        try (Connection primary = primary().getConnection();
                Statement statement = primary.createStatement();
                ResultSet result = statement.executeQuery(postgres ? "select pg_current_wal_lsn()::text"
                        : "select @@global.gtid_binlog_pos")) {
            result.next();
            position = result.getString(1);
        }
        if (!postgres) {
            try (Connection replica = connect();
                    PreparedStatement wait = replica.prepareStatement("select master_gtid_wait(?, 30)")) {
                wait.setString(1, position);
                try (ResultSet result = wait.executeQuery()) {
                    result.next();
                    if (result.getInt(1) != 0) {
                        throw new AssertionError("the replica has not applied up to " + position + " after 30 s");
                    }
                }
            }
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection replica = connect();
                PreparedStatement caughtUp = replica.prepareStatement("select pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            caughtUp.setString(1, position);
            while (true) {
                try (ResultSet result = caughtUp.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the replica has not replayed up to " + position + " after 30 s");
                }
                Thread.sleep(5);
            }
        }
    }

    /** Stops the replica applying what it receives, and waits until it has stopped. */
    public void pauseReplay(Connection replica) throws SQLException, InterruptedException {
        try (Statement statement = replica.createStatement()) {
            if (!postgres) {
                statement.execute("stop slave sql_thread"); // returns once the thread has stopped
                return;
            }
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

    public void resumeReplay(Connection replica) throws SQLException {
        try (Statement statement = replica.createStatement()) {
            statement.execute(postgres ? "select pg_wal_replay_resume()" : "start slave sql_thread");
        }
    }

    /** Why the replica is unusable, or null; on the MariaDB pair, creates the database on its primary first. */
    private String problem() {
        Properties login = new Properties();
        login.setProperty("user", user());
        login.setProperty("password", password());
        login.setProperty("connectTimeout", postgres ? "2" : "2000"); // seconds for pgjdbc, ms for Connector/J
        try {
            if (!postgres) {
                createPairDatabase(login);
            }
            try (Connection connection = DriverManager.getConnection(url(), login);
                    Statement statement = connection.createStatement();
                    ResultSet onReplica = statement.executeQuery(onReplicaQuery())) {
                onReplica.next();
                return onReplica.getBoolean(1) ? null : "it is no replica (" + onReplicaQuery() + " is false)";
            }
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** Creates the test database's namesake on the pair's primary and waits until the replica has it too. */
    private void createPairDatabase(Properties login) throws SQLException {
        Matcher matcher = URL.matcher(db.jdbcUrl());
        if (!matcher.matches()) {
            throw new IllegalStateException("cannot tell the database of " + db.jdbcUrl());
        }
        String position;
        try (Connection server = DriverManager.getConnection(matcher.group(1) + "127.0.0.1:3307/", login);
                Statement statement = server.createStatement()) {
            statement.execute("create database if not exists `" + matcher.group(2) + "`");
            try (ResultSet result = statement.executeQuery("select @@global.gtid_binlog_pos")) {
                result.next();
                position = result.getString(1);
            }
        }
        try (Connection server = DriverManager.getConnection(matcher.group(1) + "127.0.0.1:3308/", login);
                PreparedStatement wait = server.prepareStatement("select master_gtid_wait(?, 10)")) {
            wait.setString(1, position);
            wait.executeQuery().close();
        }
    }
}
