package io.quarry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spring.boot.DdlAuto;
import io.quarry.spring.boot.QuarrySchemaInitializer;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    private static final String[] TABLES = {"host_tags", "host", "tag", "datacenter", "flyway_schema_history"};

    private final TestDatabase db;

    ProfileMigrationsIT(TestDatabase db) {
        this.db = db;
    }

    /** The profile of the test database's server: none for H2, which is the default configuration. */
    private String[] arguments() {
        String profile = switch (db.name()) {
            case "mysql" -> "mysql";
            case "postgresql" -> "postgres";
            default -> "default";
        };
        return new String[] {"--spring.profiles.active=" + profile, "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password()};
    }

    @BeforeEach
    @AfterEach
    void dropTables() {
        // the walkthrough of other tests leaves its tables; Flyway starts from an empty schema here
        db.dropTablesQuietly(TABLES);
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
                    "select version from flyway_schema_history where success = true", String.class)).containsExactly("1");
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
