package io.quarry.dialect;

import io.quarry.QuarryException;
import io.quarry.dialect.MySqlDialect.Flavour;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Chooses a dialect from JDBC metadata or by name. Stateless.
 *
 * <p>The distributed engines are told apart without running a query: TiDB's version reads
 * {@code 8.0.11-TiDB-v7.5.1}, Vitess's {@code 8.0.30-Vitess}, YugabyteDB's {@code 11.2-YB-2.18.0.1-b0}.
 * CockroachDB reports a plain PostgreSQL version, but announces itself in the {@code crdb_version} parameter
 * every PostgreSQL-protocol server sends when a connection opens; it is read through the PostgreSQL driver
 * when that driver is the one connected.
 */
public final class Dialects {

    /** The names {@link #named} accepts. */
    public static final String SUPPORTED = "h2, mysql, mariadb, postgresql, cockroachdb, yugabytedb, tidb, vitess";

    private Dialects() {
    }

    /** The dialect for the database behind {@code metadata}; a clear error for an unsupported one. */
    public static Dialect detect(DatabaseMetaData metadata) throws SQLException {
        String product = metadata.getDatabaseProductName();
        String version = metadata.getDatabaseProductVersion();
        if (product != null && product.toLowerCase(Locale.ROOT).contains("postgresql")
                && parameterStatus(metadata.getConnection(), "crdb_version") != null) {
            return new PostgresDialect(PostgresDialect.Flavour.COCKROACHDB);
        }
        return detect(product, version);
    }

    /** The dialect for a product name and version as JDBC reports them. */
    public static Dialect detect(String product, String version) {
        String lower = product == null ? "" : product.toLowerCase(Locale.ROOT);
        String lowerVersion = version == null ? "" : version.toLowerCase(Locale.ROOT);
        if (lower.equals("h2")) {
            return new H2Dialect();
        }
        if (lower.contains("postgresql")) {
            return new PostgresDialect(lowerVersion.contains("-yb-")
                    ? PostgresDialect.Flavour.YUGABYTEDB : PostgresDialect.Flavour.POSTGRESQL);
        }
        if (lower.contains("mariadb")) {
            return new MySqlDialect(Flavour.MARIADB);
        }
        if (lower.contains("mysql")) {
            // mysql-connector-j reports MariaDB as "MySQL" with a version like "5.5.5-10.11.19-MariaDB"
            if (lowerVersion.contains("mariadb")) {
                return new MySqlDialect(Flavour.MARIADB);
            }
            if (lowerVersion.contains("-tidb-")) {
                return new MySqlDialect(Flavour.TIDB);
            }
            if (lowerVersion.contains("vitess")) {
                return new MySqlDialect(Flavour.VITESS);
            }
            return new MySqlDialect(Flavour.MYSQL);
        }
        throw new QuarryException("Quarry does not support the database '" + product + "' (version " + version
                + "); supported: H2 2.x, MySQL 8+, MariaDB 10.6+, PostgreSQL 13+, and CockroachDB, YugabyteDB, TiDB "
                + "and Vitess through their PostgreSQL or MySQL protocol. Name a dialect explicitly only if the "
                + "database is compatible with one of them (" + SUPPORTED + ")");
    }

    /** The dialect called {@code name}: one of {@value #SUPPORTED} (and the aliases postgres, cockroach, yugabyte, planetscale). */
    public static Dialect named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "h2" -> new H2Dialect();
            case "mysql" -> new MySqlDialect(Flavour.MYSQL);
            case "mariadb" -> new MySqlDialect(Flavour.MARIADB);
            case "tidb" -> new MySqlDialect(Flavour.TIDB);
            case "vitess", "planetscale" -> new MySqlDialect(Flavour.VITESS);
            case "postgresql", "postgres" -> new PostgresDialect();
            case "cockroachdb", "cockroach" -> new PostgresDialect(PostgresDialect.Flavour.COCKROACHDB);
            case "yugabytedb", "yugabyte" -> new PostgresDialect(PostgresDialect.Flavour.YUGABYTEDB);
            default -> throw new QuarryException("Unknown dialect '" + name + "'; supported: " + SUPPORTED);
        };
    }

    /**
     * A parameter the server reported when the connection opened ({@code ParameterStatus}), through
     * pgjdbc's {@code PGConnection.getParameterStatus}; {@code null} when the connection is not pgjdbc's
     * (or a driver too old to have the method) or the server did not send it. Looked up reflectively so
     * that the core does not depend on the PostgreSQL driver; runs once, at start-up.
     */
    static String parameterStatus(Connection connection, String parameter) {
        try {
            Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", false,
                    connection.getClass().getClassLoader());
            if (!connection.isWrapperFor(pgConnection)) {
                return null;
            }
            Method method = pgConnection.getMethod("getParameterStatus", String.class);
            return (String) method.invoke(connection.unwrap(pgConnection), parameter);
        } catch (ReflectiveOperationException | SQLException | LinkageError e) {
            return null;
        }
    }
}
