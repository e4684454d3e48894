package io.quarry.bench.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Tells Hibernate which server it talks to when the JDBC driver cannot. mysql-connector-j connected
 * to MariaDB 10.x reports product "MySQL" and version "5.5.5-10.11.x-MariaDB" (MariaDB's
 * compatibility prefix), so Hibernate 7 picks MySQLDialect for a MySQL 5.5 it does not support (and
 * then, for one, cannot insert a LocalDateTime). The standard JPA properties
 * {@code jakarta.persistence.database-product-name/-version} name the real server; Hibernate then
 * picks MariaDBDialect for the right version. Everywhere else the detection is left alone. Stateless.
 */
public final class HibernateSettings {

    private static final String MARIADB_PREFIX = "5.5.5-";

    private HibernateSettings() {
    }

    /** The Spring Boot properties that name the server, or none when the driver reports it correctly. */
    public static Map<String, Object> serverIdentity(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return serverIdentity(connection.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database version: " + e.getMessage(), e);
        }
    }

    /** The same, from the version string the driver reports. */
    public static Map<String, Object> serverIdentity(String reportedVersion) {
        if (!reportedVersion.contains("MariaDB")) {
            return Map.of();
        }
        String real = reportedVersion.startsWith(MARIADB_PREFIX)
                ? reportedVersion.substring(MARIADB_PREFIX.length()) : reportedVersion;
        String[] numbers = real.split("[.-]");
        String prefix = "spring.jpa.properties.jakarta.persistence.";
        return Map.of(prefix + "database-product-name", "MariaDB",
                prefix + "database-product-version", real,
                prefix + "database-major-version", numbers[0],
                prefix + "database-minor-version", numbers[1]);
    }
}
