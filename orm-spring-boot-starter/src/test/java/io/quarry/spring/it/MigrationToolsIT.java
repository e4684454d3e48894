package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spring.boot.QuarryAutoConfiguration;
import io.quarry.spring.boot.QuarryEntities;
import io.quarry.spring.it.migrated.Crate;
import io.quarry.spring.schema.SchemaValidationException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Flyway and Liquibase migrate the schema before Quarry's schema step, so {@code quarry.ddl-auto=validate}
 * checks the migrated tables and {@code update} adds only what the migrations lack. Were Quarry first,
 * validate would meet an empty schema, and update would create the table the migration then fails to create.
 */
@CrossDatabaseTest
class MigrationToolsIT {

    /** A migration tool, with the property that points it at one of this test's migrations. */
    enum Tool {
        FLYWAY(FlywayAutoConfiguration.class, "flywayInitializer", "spring.flyway.locations=classpath:db/quarry-it/flyway/",
                // the test databases are shared: tables of other tests must not stop Flyway
                "spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=0"),
        LIQUIBASE(LiquibaseAutoConfiguration.class, "liquibase", "spring.liquibase.change-log=classpath:db/quarry-it/liquibase/");

        private final Class<?> autoConfiguration;
        private final String initializerBean;
        private final String location;
        private final String[] settings;

        Tool(Class<?> autoConfiguration, String initializerBean, String location, String... settings) {
            this.autoConfiguration = autoConfiguration;
            this.initializerBean = initializerBean;
            this.location = location;
            this.settings = settings;
        }

        String[] migrations(String name) {
            String[] properties = java.util.Arrays.copyOf(settings, settings.length + 1);
            properties[settings.length] = location + name + (this == LIQUIBASE ? ".yaml" : "");
            return properties;
        }
    }

    private final TestDatabase db;

    MigrationToolsIT(TestDatabase db) {
        this.db = db;
    }

    private ApplicationContextRunner runner(Tool tool, String migrations) {
        DataSource pool = db.dataSource();
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(tool.autoConfiguration, QuarryAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DelegatingDataSource(pool))
                .withBean(QuarryEntities.class, () -> QuarryEntities.of(Crate.class))
                .withPropertyValues(tool.migrations(migrations));
    }

    @AfterEach
    void dropTables() {
        // Flyway quotes its table's name on H2, so it keeps its lower case there
        String flywayHistory = db.name().equals("mysql") ? "flyway_schema_history" : "\"flyway_schema_history\"";
        db.dropTablesQuietly("spring_crate", flywayHistory, 
                // Liquibase's tables are upper case; MySQL's table names are case-sensitive
                "DATABASECHANGELOG", "DATABASECHANGELOGLOCK");
    }

    @ParameterizedTest
    @EnumSource(Tool.class)
    void quarrysSchemaStepAndSessionsDependOnTheMigration(Tool tool) {
        runner(tool, "full").withPropertyValues("quarry.ddl-auto=validate").run(context -> {
            var beans = context.getBeanFactory();
            assertThat(beans.getBeanDefinition("quarrySchemaInitializer").getDependsOn()).contains(tool.initializerBean);
            assertThat(beans.getBeanDefinition("quarrySessionFactory").getDependsOn())
                    .contains(tool.initializerBean, "quarrySchemaInitializer");
        });
    }

    @ParameterizedTest
    @EnumSource(Tool.class)
    void validateChecksTheSchemaTheMigrationCreated(Tool tool) {
        runner(tool, "full").withPropertyValues("quarry.ddl-auto=validate").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(new JdbcTemplate(db.dataSource()).queryForObject("select count(*) from spring_crate",
                    Integer.class)).isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(Tool.class)
    void validateNamesTheColumnTheMigrationLacks(Tool tool) {
        runner(tool, "partial").withPropertyValues("quarry.ddl-auto=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaValidationException.class);
            Throwable failure = context.getStartupFailure();
            while (failure.getCause() != null) {
                failure = failure.getCause();
            }
            assertThat(((SchemaValidationException) failure).getProblems())
                    .containsExactly("missing column spring_crate.weight (Crate.weight, integer)");
        });
    }

    @ParameterizedTest
    @EnumSource(Tool.class)
    void updateAddsOnlyWhatTheMigrationLacks(Tool tool) {
        runner(tool, "partial").withPropertyValues("quarry.ddl-auto=update").run(context -> assertThat(context)
                .hasNotFailed());

        // the migration created the table and Quarry added the column: the tool ran first, once
        runner(tool, "partial").withPropertyValues("quarry.ddl-auto=validate").run(context -> assertThat(context)
                .hasNotFailed());
        assertThat(new JdbcTemplate(db.dataSource()).queryForObject("select count(*) from spring_crate where weight = 0",
                Integer.class)).isZero();
    }
}
