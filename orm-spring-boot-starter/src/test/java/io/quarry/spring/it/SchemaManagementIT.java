package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spring.boot.DdlAuto;
import io.quarry.spring.boot.QuarryAutoConfiguration;
import io.quarry.spring.boot.QuarryEntities;
import io.quarry.spring.boot.QuarrySchemaInitializer;
import io.quarry.spring.schema.SchemaValidationException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** quarry.ddl-auto validate and update against the live schema of every test database. */
@CrossDatabaseTest
class SchemaManagementIT {

    private final TestDatabase db;
    private final ApplicationContextRunner runner;

    SchemaManagementIT(TestDatabase db) {
        this.db = db;
        DataSource pool = db.dataSource();
        this.runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(QuarryAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DelegatingDataSource(pool))
                .withBean(QuarryEntities.class, () -> QuarryEntities.of(Host.class, Account.class));
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_host", "spring_account");
    }

    @Test
    void theDefaultIsCreateOnlyForAnEmbeddedDatabase() {
        runner.run(context -> assertThat(context.getBean(QuarrySchemaInitializer.class).ddlAuto())
                .isEqualTo(db.name().equals("h2") ? DdlAuto.CREATE : DdlAuto.NONE));
    }

    @Test
    void validateAcceptsTheSchemaCreateMade() {
        runner.withPropertyValues("quarry.ddl-auto=create").run(context -> assertThat(context).hasNotFailed());

        runner.withPropertyValues("quarry.ddl-auto=validate").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void validateReportsMissingTablesColumnsWrongTypesAndNullability() {
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        jdbc.execute("create table spring_host (id bigint primary key, hostname varchar(20), port varchar(5) not null)");

        runner.withPropertyValues("quarry.ddl-auto=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SchemaValidationException.class);
            SchemaValidationException failure = (SchemaValidationException) rootCause(context.getStartupFailure());
            assertThat(failure.getProblems()).anySatisfy(line -> assertThat(line)
                    .startsWith("wrong type of column spring_host.hostname: the mapping expects varchar(64)"));
            assertThat(failure.getProblems()).anySatisfy(line -> assertThat(line)
                    .startsWith("wrong type of column spring_host.port: the mapping expects"));
            assertThat(failure.getProblems()).contains("nullability of column spring_host.hostname: the mapping says "
                    + "NOT NULL, the database allows NULL; add the NOT NULL constraint, or map the field as nullable");
            assertThat(failure.getProblems()).anySatisfy(line -> assertThat(line)
                    .startsWith("missing table spring_account"));
        });
    }

    @Test
    void updateAddsAMissingColumnAndTableWithoutTouchingRows() {
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        runner.withPropertyValues("quarry.ddl-auto=create").run(context -> assertThat(context).hasNotFailed());
        jdbc.execute("drop table spring_account");
        jdbc.execute("alter table spring_host drop column port");
        jdbc.update("insert into spring_host (hostname) values ('web-1')");

        runner.withPropertyValues("quarry.ddl-auto=update").run(context -> assertThat(context).hasNotFailed());

        assertThat(jdbc.queryForObject("select count(*) from spring_host where port is null", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from spring_account", Integer.class)).isZero();
    }

    @Test
    void updateOnAnEmptyTableAddsTheColumnAsMapped() {
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        runner.withPropertyValues("quarry.ddl-auto=create").run(context -> assertThat(context).hasNotFailed());
        jdbc.execute("alter table spring_host drop column port");

        runner.withPropertyValues("quarry.ddl-auto=update").run(context -> assertThat(context).hasNotFailed());

        runner.withPropertyValues("quarry.ddl-auto=validate").run(context -> assertThat(context).hasNotFailed());
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
