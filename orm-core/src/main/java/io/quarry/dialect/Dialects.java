package io.quarry.dialect;

import io.quarry.QuarryException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** Chooses a dialect from JDBC metadata or by name. Stateless. */
public final class Dialects {

    /** The names {@link #named} accepts. */
    public static final String SUPPORTED = "h2, mysql, mariadb, postgresql";

    private Dialects() {
    }

    /** The dialect for the database behind {@code metadata}; a clear error for an unsupported one. */
    public static Dialect detect(DatabaseMetaData metadata) throws SQLException {
        String product = metadata.getDatabaseProductName();
        String version = metadata.getDatabaseProductVersion();
        return detect(product, version);
    }

    /** The dialect for a product name and version as JDBC reports them. */
    public static Dialect detect(String product, String version) {
        String lower = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (lower.equals("h2")) {
            return new H2Dialect();
        }
        if (lower.contains("postgresql")) {
            return new PostgresDialect();
        }
        if (lower.contains("mariadb")) {
            return new MySqlDialect(true);
        }
        if (lower.contains("mysql")) {
            // mysql-connector-j reports MariaDB as "MySQL" with a version like "5.5.5-10.11.19-MariaDB"
            boolean mariaDb = version != null && version.toLowerCase(Locale.ROOT).contains("mariadb");
            return new MySqlDialect(mariaDb);
        }
        throw new QuarryException("Quarry does not support the database '" + product + "' (version " + version
                + "); supported: H2 2.x, MySQL 8+, MariaDB 10.6+, PostgreSQL 13+. Name a dialect explicitly only "
                + "if the database is compatible with one of them (" + SUPPORTED + ")");
    }

    /** The dialect called {@code name}: one of {@value #SUPPORTED}. */
    public static Dialect named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "h2" -> new H2Dialect();
            case "mysql" -> new MySqlDialect(false);
            case "mariadb" -> new MySqlDialect(true);
            case "postgresql", "postgres" -> new PostgresDialect();
            default -> throw new QuarryException("Unknown dialect '" + name + "'; supported: " + SUPPORTED);
        };
    }
}
