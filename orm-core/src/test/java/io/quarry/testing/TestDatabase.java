package io.quarry.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * One database that the cross-database tests run against: H2 in memory, MySQL/MariaDB or PostgreSQL.
 *
 * <p>Instances are per-JVM singletons obtained from {@link TestDatabases}; a test class annotated with
 * {@link CrossDatabaseTest} receives one through its constructor. {@link #dataSource()} hands out a shared
 * HikariCP pool (at most 5 connections) that is created on first use and closed when the JVM exits, so
 * tests must not close it and must clean up the tables they create (see {@link #dropTablesQuietly}).
 *
 * <p>When the server is not reachable, {@link #dataSource()} aborts the calling test (reported as skipped)
 * or fails it, depending on whether {@code QUARRY_TEST_DATABASES} demanded this database; see
 * {@link TestDatabases}.
 *
 * <p>Thread-safe: all lazy state (probe result, pool, server flavour) is initialised under this object's
 * lock or published through volatile fields.
 */
public final class TestDatabase {

    static final String H2 = "h2";
    static final String MYSQL = "mysql";
    static final String POSTGRESQL = "postgresql";

    /** The database name the defaults use; only this one is created on the fly, never a user-chosen one. */
    static final String DEFAULT_DATABASE = "quarry_test";

    private static final int POOL_SIZE = 5;
    /** The longest any lock wait of a test connection may last; see {@link #boundLockWaits}. */
    private static final int LOCK_WAIT_LIMIT_SECONDS = 120;
    /**
     * Probe timeouts. Optional databases get a quick answer (a hung server costs ~5 s, not minutes);
     * required ones get slack, because a false "unreachable" on a busy CI machine fails the build.
     */
    private static final int OPTIONAL_CONNECT_SECONDS = 2;
    private static final int OPTIONAL_READ_SECONDS = 3;
    private static final int REQUIRED_CONNECT_SECONDS = 5;
    private static final int REQUIRED_READ_SECONDS = 30;

    /** Splits "jdbc:mysql://host:port/db?params" into prefix, database and the rest (params). */
    private static final Pattern URL_DATABASE = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?;]*)/([^/?;]*)(.*)$");

    /** Every pool handed out in this JVM, closed by a single shutdown hook. */
    private static final List<HikariDataSource> OPEN_POOLS = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN_POOLS.forEach(HikariDataSource::close),
                "quarry-test-pool-closer"));
    }

    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final boolean required;
    private final String selectionDescription;

    private volatile Availability availability;
    private volatile HikariDataSource dataSource;
    private volatile Boolean mariaDb;

    private TestDatabase(String name, String jdbcUrl, String user, String password, boolean required,
                         String selectionDescription) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.required = required;
        this.selectionDescription = selectionDescription;
    }

    /**
     * Builds the database called {@code name} from the defaults and the {@code QUARRY_<NAME>_URL/USER/PASSWORD}
     * overrides in {@code env}.
     *
     * @param required             whether an unreachable server fails the tests instead of skipping them
     * @param selectionDescription how the selection was made, quoted in failure messages
     */
    static TestDatabase fromEnvironment(String name, Map<String, String> env, boolean required,
                                        String selectionDescription) {
        return switch (name) {
            // H2 has no override: it lives inside the test JVM, there is nothing to point elsewhere.
            case H2 -> new TestDatabase(H2, "jdbc:h2:mem:quarry;DB_CLOSE_DELAY=-1", "sa", "", required,
                    selectionDescription);
            case MYSQL -> new TestDatabase(MYSQL,
                    env.getOrDefault("QUARRY_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/" + DEFAULT_DATABASE),
                    env.getOrDefault("QUARRY_MYSQL_USER", "root"),
                    env.getOrDefault("QUARRY_MYSQL_PASSWORD", ""), required, selectionDescription);
            case POSTGRESQL -> new TestDatabase(POSTGRESQL,
                    env.getOrDefault("QUARRY_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/" + DEFAULT_DATABASE),
                    env.getOrDefault("QUARRY_POSTGRESQL_USER", "postgres"),
                    env.getOrDefault("QUARRY_POSTGRESQL_PASSWORD", ""), required, selectionDescription);
            default -> throw new IllegalArgumentException("Unknown test database '" + name
                    + "'; known databases are " + String.join(", ", TestDatabases.KNOWN));
        };
    }

    /** "h2", "mysql" or "postgresql". */
    public String name() {
        return name;
    }

    /** The JDBC URL the pool connects to (default or from {@code QUARRY_<NAME>_URL}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The login user (default or from {@code QUARRY_<NAME>_USER}). */
    public String user() {
        return user;
    }

    /** The login password (default empty, or from {@code QUARRY_<NAME>_PASSWORD}). */
    public String password() {
        return password;
    }

    /**
     * The shared connection pool for this database, created on first call.
     *
     * <p>Do not close it: other test classes in the same JVM use the same pool. If the server is not
     * reachable this aborts (skips) or fails the calling test with the reason, so a test that only uses
     * the pool needs no availability check of its own.
     */
    public DataSource dataSource() {
        enforceAvailability();
        HikariDataSource pool = dataSource;
        if (pool == null) {
            synchronized (this) {
                pool = dataSource;
                if (pool == null) {
                    pool = createPool();
                    OPEN_POOLS.add(pool);
                    dataSource = pool;
                }
            }
        }
        return pool;
    }

    /**
     * How many connections of each shared pool created so far are in use, by pool name
     * ({@code quarry-test-h2}, ...); for {@link ConnectionLeakExtension}.
     */
    static Map<String, Integer> activeConnectionsOfSharedPools() {
        Map<String, Integer> active = new LinkedHashMap<>();
        for (HikariDataSource pool : OPEN_POOLS) {
            HikariPoolMXBean bean = pool.getHikariPoolMXBean();
            if (bean != null) {
                active.put(pool.getPoolName(), bean.getActiveConnections());
            }
        }
        return active;
    }

    /**
     * A pool of its own (at most two connections) with {@code settings} applied, for tests of how
     * Quarry behaves with a differently configured pool; the caller closes it.
     */
    public HikariDataSource newPool(java.util.function.Consumer<HikariConfig> settings) {
        enforceAvailability();
        HikariConfig config = new HikariConfig();
        config.setPoolName("quarry-test-" + name + "-own");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        boundLockWaits(config);
        settings.accept(config);
        return new HikariDataSource(config);
    }

    /**
     * Whether {@code e} says a table does not exist (SQLSTATE 42S02 on MySQL/MariaDB and H2, 42P01
     * on PostgreSQL; H2 error codes 42102 to 42104, with or without candidates or any table at all),
     * for helpers that must tell a missing table from any other failure.
     */
    public static boolean isMissingTable(java.sql.SQLException e) {
        return "42S02".equals(e.getSQLState()) || "42P01".equals(e.getSQLState())
                || e.getClass().getName().startsWith("org.h2.") && e.getErrorCode() >= 42102 && e.getErrorCode() <= 42104;
    }

    /**
     * Whether this is the {@code mysql} database and the server behind it is MariaDB rather than Oracle
     * MySQL, for the few places where the two differ (e.g. {@code RETURNING}, JSON columns, error texts).
     */
    public boolean isMariaDb() {
        if (!MYSQL.equals(name)) {
            return false;
        }
        Boolean cached = mariaDb;
        if (cached == null) {
            // version(), not DatabaseMetaData: the product version Connector/J reports is not a stable
            // place for the "MariaDB" marker across driver versions, the server's own string is.
            try (Connection connection = dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select version()")) {
                rs.next();
                cached = rs.getString(1).toLowerCase(Locale.ROOT).contains("mariadb");
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot ask the " + name + " server at " + jdbcUrl
                        + " for its version: " + e.getMessage(), e);
            }
            mariaDb = cached;
        }
        return cached;
    }

    /**
     * Runs {@code drop table if exists} for each table, in order, ignoring errors, for test cleanup.
     *
     * <p>Foreign keys between the dropped tables do not get in the way: PostgreSQL and H2 drop with
     * {@code cascade}, MySQL runs the drops with foreign key checks switched off on that connection.
     */
    public void dropTablesQuietly(String... tables) {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            boolean mysql = MYSQL.equals(name);
            if (mysql) {
                // MySQL accepts but ignores CASCADE, so a parent dropped before its child would fail.
                statement.execute("set foreign_key_checks = 0");
            }
            try {
                for (String table : tables) {
                    try {
                        statement.execute("drop table if exists " + table + (mysql ? "" : " cascade"));
                    } catch (SQLException ignored) {
                        // Quiet by contract: cleanup must never hide the failure of the test itself.
                    }
                }
            } finally {
                if (mysql) {
                    // The connection goes back to a shared pool: leave the session as we found it.
                    statement.execute("set foreign_key_checks = 1");
                }
            }
        } catch (SQLException ignored) {
            // Quiet by contract, see above.
        }
    }

    /** The name, so that JUnit shows parameterized invocations as "[h2]", "[mysql]", "[postgresql]". */
    @Override
    public String toString() {
        return name;
    }

    /**
     * Aborts (skip) or fails the current test when the server is unreachable; does nothing otherwise.
     * The first call probes the server, later calls reuse the answer.
     */
    void enforceAvailability() {
        Availability current = availability();
        if (current.reachable()) {
            return;
        }
        if (required) {
            Assertions.fail(current.reason());
        }
        Assumptions.abort(current.reason());
    }

    /** Probes the server once per JVM; later calls return the remembered answer. */
    Availability availability() {
        Availability current = availability;
        if (current == null) {
            synchronized (this) {
                current = availability;
                if (current == null) {
                    String problem = H2.equals(name) ? null : probe();
                    current = Availability.judge(this, required, selectionDescription, problem);
                    availability = current;
                }
            }
        }
        return current;
    }

    /**
     * Opens and closes one connection, creating {@value #DEFAULT_DATABASE} first if the server says it is
     * missing. Returns null when that worked, otherwise a one-line description of what went wrong.
     */
    private String probe() {
        try {
            tryConnect(jdbcUrl);
            return null;
        } catch (SQLException first) {
            if (!isUnknownDatabase(first) || !DEFAULT_DATABASE.equals(databaseName())) {
                return describe(first);
            }
            try {
                createDefaultDatabase();
                tryConnect(jdbcUrl);
                return null;
            } catch (SQLException second) {
                return describe(first) + "; creating " + DEFAULT_DATABASE + " failed too: " + describe(second);
            }
        }
    }

    private void tryConnect(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, probeProperties());
             Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }
    }

    /** Login plus timeouts, so a firewalled or hung host costs seconds, not the OS's minutes-long TCP timeout. */
    private Properties probeProperties() {
        int connectSeconds = required ? REQUIRED_CONNECT_SECONDS : OPTIONAL_CONNECT_SECONDS;
        int readSeconds = required ? REQUIRED_READ_SECONDS : OPTIONAL_READ_SECONDS;
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        if (MYSQL.equals(name)) { // Connector/J counts milliseconds
            properties.setProperty("connectTimeout", String.valueOf(connectSeconds * 1000));
            properties.setProperty("socketTimeout", String.valueOf(readSeconds * 1000));
        } else if (POSTGRESQL.equals(name)) { // pgjdbc counts seconds
            properties.setProperty("connectTimeout", String.valueOf(connectSeconds));
            properties.setProperty("loginTimeout", String.valueOf(readSeconds));
            properties.setProperty("socketTimeout", String.valueOf(readSeconds));
        }
        return properties;
    }

    private static boolean isUnknownDatabase(SQLException e) {
        // MySQL/MariaDB: ER_BAD_DB_ERROR 1049; PostgreSQL: invalid_catalog_name 3D000.
        return e.getErrorCode() == 1049 || "3D000".equals(e.getSQLState());
    }

    private void createDefaultDatabase() throws SQLException {
        Matcher m = URL_DATABASE.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new SQLException("cannot tell the database name in " + jdbcUrl);
        }
        // MySQL logs in without a default schema; PostgreSQL always needs one, and "postgres" always exists.
        String serverUrl = m.group(1) + (MYSQL.equals(name) ? "/" : "/postgres") + m.group(3);
        String sql = MYSQL.equals(name)
                ? "create database if not exists " + DEFAULT_DATABASE
                : "create database " + DEFAULT_DATABASE; // PostgreSQL has no "if not exists" here
        try (Connection connection = DriverManager.getConnection(serverUrl, probeProperties());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            // duplicate_database: another JVM (e.g. surefire and failsafe forks) created it meanwhile.
            if (!"42P04".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private String databaseName() {
        Matcher m = URL_DATABASE.matcher(jdbcUrl);
        return m.matches() ? m.group(2) : "";
    }

    /** The innermost cause is the one that says what is wrong ("Connection refused", "Access denied ..."). */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
        return message.replaceAll("\\s+", " ").trim();
    }

    /**
     * Gives every wait for a lock an end, so that a test that holds a lock while it waits for another
     * connection fails instead of hanging the build: MySQL waits for a metadata lock (a DROP or ALTER
     * behind an open transaction, e.g. from another build on the same server) for a year by default,
     * PostgreSQL for ever. Row-lock waits of tests are far shorter than this, so no test sees it.
     */
    private void boundLockWaits(HikariConfig config) {
        switch (name) {
            case MYSQL -> config.setConnectionInitSql("set session lock_wait_timeout = " + LOCK_WAIT_LIMIT_SECONDS);
            case POSTGRESQL -> config.setConnectionInitSql("set lock_timeout = '" + LOCK_WAIT_LIMIT_SECONDS + "s'");
            default -> {
                // H2 ends lock waits after its LOCK_TIMEOUT already
            }
        }
    }

    private HikariDataSource createPool() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("quarry-test-" + name);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        // Keep idle connections low: three pools live in every test JVM and the servers are shared.
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        boundLockWaits(config);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open a connection pool for " + name + " at " + jdbcUrl
                    + " as " + user + " although the probe connected a moment ago: " + describe(e), e);
        }
    }
}
