package io.quarry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spring.boot.DdlAuto;
import io.quarry.spring.boot.QuarrySchemaInitializer;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sample's server profiles migrate with Flyway (db/migration/mysql, db/migration/postgresql) and
 * start with quarry.ddl-auto=validate, so the committed migrations must match the mapping; on H2 the
 * default configuration creates the tables and runs no Flyway.
 */
@CrossDatabaseTest
class ProfileMigrationsIT {

    /**
     * Flyway refuses a non-empty schema without its history table, so the server profiles migrate a
     * schema (PostgreSQL) or database (MySQL/MariaDB) of this test's own, created empty and dropped after:
     * whatever other tests, or an earlier run, left in the shared test database cannot get in the way.
     */
    private static final String OWN_SCHEMA = "quarry_profile_it";

    private static final Pattern MYSQL_DATABASE = Pattern.compile("^(jdbc:mysql://[^/?]*)/[^/?]*(.*)$");

    private final TestDatabase db;

    ProfileMigrationsIT(TestDatabase db) {
        this.db = db;
    }

    /** The profile of the test database's server (none for H2, the default configuration), on the test's own schema. */
    private String[] arguments() {
        String profile = switch (db.name()) {
            case "mysql" -> "mysql";
            case "postgresql" -> "postgres";
            default -> "default";
        };
        return new String[] {"--spring.profiles.active=" + profile, "--spring.datasource.url=" + ownUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password()};
    }

    private String ownUrl() {
        String url = db.jdbcUrl();
        return switch (db.name()) {
            case "postgresql" -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + OWN_SCHEMA;
            case "mysql" -> {
                Matcher matcher = MYSQL_DATABASE.matcher(url);
                if (!matcher.matches()) {
                    throw new IllegalStateException("cannot name another database in " + url);
                }
                yield matcher.group(1) + "/" + OWN_SCHEMA + matcher.group(2);
            }
            default -> "jdbc:h2:mem:" + OWN_SCHEMA + ";DB_CLOSE_DELAY=-1";
        };
    }

    /** Flyway's history table, in the test's own schema (a database on MySQL/MariaDB). */
    private static String history() {
        return OWN_SCHEMA + ".flyway_schema_history";
    }

    @BeforeEach
    void freshSchema() throws SQLException {
        if (db.name().equals("h2")) {
            return;
        }
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            if (db.name().equals("postgresql")) {
                statement.execute("drop schema if exists " + OWN_SCHEMA + " cascade");
                statement.execute("create schema " + OWN_SCHEMA);
            } else {
                statement.execute("drop database if exists " + OWN_SCHEMA);
                statement.execute("create database " + OWN_SCHEMA);
            }
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (db.name().equals("h2")) {
            return;
        }
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(db.name().equals("postgresql") ? "drop schema if exists " + OWN_SCHEMA + " cascade"
                    : "drop database if exists " + OWN_SCHEMA);
        }
    }

    @Test
    void theProfileMigratesAndValidatesOrCreatesOnH2() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
                .web(WebApplicationType.NONE).run(arguments())) {
            DdlAuto ddlAuto = context.getBean(QuarrySchemaInitializer.class).ddlAuto();
            if (db.name().equals("h2")) {
                assertThat(ddlAuto).isEqualTo(DdlAuto.CREATE);
                assertThat(context.getBeanNamesForType(Flyway.class)).isEmpty();
                return;
            }
            assertThat(ddlAuto).isEqualTo(DdlAuto.VALIDATE);
            assertThat(new JdbcTemplate(db.dataSource()).queryForList(
                    "select version from " + history() + " where success = true", String.class)).containsExactly("1");
        }
    }

    @Test
    void theWalkthroughRunsOnTheMigratedSchemaAndTheNextStartStillValidates() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        int exitCode = SampleApplication.runWalkthrough(new PrintStream(buffer, true, StandardCharsets.UTF_8),
                arguments());

        assertThat(exitCode).as(buffer.toString(StandardCharsets.UTF_8)).isZero();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
                .web(WebApplicationType.NONE).run(arguments())) {
            assertThat(context.isActive()).isTrue();
        }
    }
}
