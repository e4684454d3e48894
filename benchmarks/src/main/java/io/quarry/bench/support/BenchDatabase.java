package io.quarry.bench.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import org.jooq.SQLDialect;

/**
 * The database a benchmark fork runs against, chosen by the system property {@code quarry.bench.db}
 * ({@code h2}, {@code mysql} or {@code postgresql}); URL, user and password can be overridden with
 * {@code quarry.bench.url}, {@code quarry.bench.user} and {@code quarry.bench.password}. Every
 * contender gets its connections from {@link #createPool()}, so all share one set of pool and driver
 * settings. Immutable.
 */
public enum BenchDatabase {

    H2("jdbc:h2:mem:quarry_bench;DB_CLOSE_DELAY=-1", "sa", Map.of(), 1000, SQLDialect.H2),

    /**
     * MariaDB through mysql-connector-j. The properties are HikariCP's documented MySQL recommendations
     * plus rewriteBatchedStatements, which turns JDBC batches into multi-row inserts.
     */
    MYSQL("jdbc:mysql://127.0.0.1:3306/quarry_bench", "root", Map.of(
            "rewriteBatchedStatements", "true",
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "250",
            "prepStmtCacheSqlLimit", "2048",
            "useServerPrepStmts", "true",
            "useLocalSessionState", "true",
            "cacheResultSetMetadata", "true",
            "cacheServerConfiguration", "true",
            "maintainTimeStats", "false"),
            // mysql-connector-j streams row by row only with this documented sentinel. jOOQ's MARIADB dialect renders
            // INSERT .. RETURNING, which mysql-connector-j refuses to run as a query; MYSQL reads generated keys instead
            Integer.MIN_VALUE, SQLDialect.MYSQL),

    /** pgjdbc's documented batch rewrite (multi-row inserts) is on for every contender. */
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/quarry_bench", "postgres", Map.of("reWriteBatchedInserts", "true"),
            1000, SQLDialect.POSTGRES);

    /** Connections per pool: the JMH benchmarks are single-threaded, one spare for housekeeping. */
    public static final int POOL_SIZE = 2;

    /**
     * Connections per pool in the concurrent runs: Spring Boot's default, which is HikariCP's
     * ({@code maximumPoolSize} 10, {@code minimumIdle} the same).
     */
    public static final int BOOT_POOL_SIZE = 10;

    private final String defaultUrl;
    private final String defaultUser;
    private final Map<String, String> driverProperties;
    private final int streamingFetchSize;
    private final SQLDialect jooqDialect;

    BenchDatabase(String defaultUrl, String defaultUser, Map<String, String> driverProperties, int streamingFetchSize,
            SQLDialect jooqDialect) {
        this.defaultUrl = defaultUrl;
        this.defaultUser = defaultUser;
        this.driverProperties = driverProperties;
        this.streamingFetchSize = streamingFetchSize;
        this.jooqDialect = jooqDialect;
    }

    /** The database named by {@code quarry.bench.db}, H2 when unset. */
    public static BenchDatabase current() {
        String name = System.getProperty("quarry.bench.db", "h2").trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "h2" -> H2;
            case "mysql", "mariadb" -> MYSQL;
            case "postgresql", "postgres" -> POSTGRESQL;
            default -> throw new IllegalArgumentException("Unknown database '" + name + "' in -Dquarry.bench.db; use h2, "
                    + "mysql or postgresql");
        };
    }

    /** {@code h2}, {@code mysql} or {@code postgresql}, as in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String url() {
        return System.getProperty("quarry.bench.url", defaultUrl);
    }

    public String user() {
        return System.getProperty("quarry.bench.user", defaultUser);
    }

    public String password() {
        return System.getProperty("quarry.bench.password", "");
    }

    /** The driver properties every contender's connections carry. */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }

    /** The fetch size that makes the driver stream a large result instead of reading it whole. */
    public int streamingFetchSize() {
        return streamingFetchSize;
    }

    public SQLDialect jooqDialect() {
        return jooqDialect;
    }

    /** A new pool of {@link #POOL_SIZE} with the settings every contender shares. Close it when done. */
    public HikariDataSource createPool() {
        return createPool(POOL_SIZE);
    }

    /** A new pool of {@code size} connections with the settings every contender shares. Close it when done. */
    public HikariDataSource createPool(int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-" + label());
        config.setJdbcUrl(url());
        config.setUsername(user());
        config.setPassword(password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        driverProperties.forEach(config::addDataSourceProperty);
        return new HikariDataSource(config);
    }

    /** Creates the benchmark database on a server when it does not exist yet; nothing to do for H2. */
    public void createDatabaseIfMissing() {
        if (this == H2) {
            return;
        }
        String url = url();
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        int end = url.indexOf('?', slash) < 0 ? url.length() : url.indexOf('?', slash);
        String database = url.substring(slash + 1, end);
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Database name '" + database + "' in " + url + " must be a plain "
                    + "identifier (letters, digits, underscore)");
        }
        String serverUrl = url.substring(0, slash + 1) + (this == POSTGRESQL ? "postgres" : "");
        try (Connection connection = DriverManager.getConnection(serverUrl, user(), password());
             Statement statement = connection.createStatement()) {
            if (this == MYSQL) {
                statement.execute("create database if not exists " + database);
            } else {
                try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                    if (exists.next()) {
                        return;
                    }
                }
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach " + label() + " at " + serverUrl + " as " + user() + " to create "
                    + "database " + database + ": " + e.getMessage() + "; start the server (see .ci/run) or point "
                    + "-Dquarry.bench.url/user/password at one", e);
        }
    }
}
