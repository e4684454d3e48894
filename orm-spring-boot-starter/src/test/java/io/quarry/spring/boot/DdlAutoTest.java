package io.quarry.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spring.boot.broken.Broken;
import io.quarry.spring.it.Host;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** {@code quarry.ddl-auto} on H2, and the start-up failures the failure analyzers explain. */
class DdlAutoTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String url = "jdbc:h2:mem:ddlauto" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, QuarryAutoConfiguration.class))
            .withBean(QuarryEntities.class, () -> QuarryEntities.of(Host.class))
            .withPropertyValues("spring.datasource.url=" + url);

    private final JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(url, "sa", "", true));

    @Test
    void createAddsMissingTablesAndKeepsExistingRows() {
        runner.withPropertyValues("quarry.ddl-auto=create").run(context -> assertThat(context).hasNotFailed());
        jdbc.update("insert into spring_host (hostname, port) values ('web-1', 22)");

        runner.withPropertyValues("quarry.ddl-auto=create").run(context -> assertThat(context).hasNotFailed());

        assertThat(jdbc.queryForObject("select count(*) from spring_host", Integer.class)).isEqualTo(1);
    }

    @Test
    void dropCreateStartsWithEmptyTables() {
        runner.withPropertyValues("quarry.ddl-auto=create").run(context -> assertThat(context).hasNotFailed());
        jdbc.update("insert into spring_host (hostname, port) values ('web-1', 22)");

        runner.withPropertyValues("quarry.ddl-auto=drop-create").run(context -> assertThat(
                jdbc.queryForObject("select count(*) from spring_host", Integer.class)).isZero());
    }

    @Test
    void createDropDropsTheTablesAtShutdown() {
        runner.withPropertyValues("quarry.ddl-auto=create-drop").run(context -> assertThat(tables()).contains("SPRING_HOST"));

        assertThat(tables()).doesNotContain("SPRING_HOST");
    }

    @Test
    void noneLeavesTheSchemaAlone() {
        runner.withPropertyValues("quarry.ddl-auto=none").run(context -> assertThat(tables()).doesNotContain("SPRING_HOST"));
    }

    @Test
    void validatePassesOnTheSchemaCreateMade() {
        runner.withPropertyValues("quarry.ddl-auto=create").run(context -> assertThat(context).hasNotFailed());

        runner.withPropertyValues("quarry.ddl-auto=validate").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void validateFailsTheStartWithADiffTheFailureAnalyzerReports() {
        jdbc.execute("create table spring_host (id bigint primary key, hostname varchar(20), port varchar(5) not null)");

        runner.withPropertyValues("quarry.ddl-auto=validate").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .contains("does not match the Quarry mapping")
                    .contains("wrong type of column spring_host.hostname: the mapping expects varchar(64), the database "
                            + "has character varying(20) (holds 20 characters, the mapping up to 64)")
                    .contains("wrong type of column spring_host.port: the mapping expects integer")
                    .contains("nullability of column spring_host.hostname: the mapping says NOT NULL, the database allows NULL");
            assertThat(analysis.getAction()).contains("quarry.ddl-auto=update");
        });
    }

    @Test
    void validateReportsAMissingTable() {
        runner.withPropertyValues("quarry.ddl-auto=validate").run(context -> assertThat(
                analyze(context.getStartupFailure()).getDescription())
                .contains("missing table spring_host (entity io.quarry.spring.it.Host)"));
    }

    @Test
    void updateAddsAMissingColumnWithItsUniqueConstraintAndKeepsRows() {
        jdbc.execute("create table spring_host (id bigint generated by default as identity primary key, port integer not null)");
        jdbc.update("insert into spring_host (port) values (22)");

        runner.withPropertyValues("quarry.ddl-auto=update").run(context -> assertThat(context).hasNotFailed());

        assertThat(jdbc.queryForObject("select count(*) from spring_host where hostname is null", Integer.class)).isEqualTo(1);
        runner.withPropertyValues("quarry.ddl-auto=validate").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aMappingErrorFailsTheStartWithAnExplanation() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QuarryAutoConfiguration.class))
                .withBean(QuarryEntities.class, () -> QuarryEntities.of(Broken.class))
                .withPropertyValues("spring.datasource.url=" + url)
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("cannot be mapped").contains("Broken");
                    assertThat(analysis.getAction()).contains("quarry.entity-packages");
                });
    }

    @Test
    void anUnknownDatabaseFailsTheStartWithAnExplanation() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, QuarryAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:nowhere;IFEXISTS=TRUE")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Quarry cannot use the DataSource")
                            .contains("Cannot connect to the database");
                    assertThat(analysis.getAction()).contains("spring.datasource.url").contains("must exist");
                });
    }

    @Test
    void anUnsupportedDatabaseIsExplainedWithTheDialectProperty() {
        FailureAnalysis analysis = new UnusableDatabaseFailureAnalyzer().analyze(new UnusableDatabaseException(
                "Quarry does not support the database 'Oracle'", "HikariDataSource (oracle)", false, null));

        assertThat(analysis.getAction()).contains("quarry.dialect").contains("postgresql");
    }

    @Test
    void failureAnalyzersAreRegistered() throws java.io.IOException {
        java.util.Properties factories = PropertiesLoaderUtils.loadProperties(
                new ClassPathResource("/META-INF/spring.factories", QuarryAutoConfiguration.class));

        assertThat(factories.getProperty(FailureAnalyzer.class.getName()).split(",")).containsExactlyInAnyOrder(
                MappingFailureAnalyzer.class.getName(), SchemaValidationFailureAnalyzer.class.getName(),
                UnusableDatabaseFailureAnalyzer.class.getName(), "io.quarry.spring.repository.RepositoryFailureAnalyzer");
    }

    private List<String> tables() {
        return jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'PUBLIC'",
                String.class);
    }

    private static FailureAnalysis analyze(Throwable failure) {
        for (FailureAnalyzer analyzer : List.of(new MappingFailureAnalyzer(), new SchemaValidationFailureAnalyzer(),
                new UnusableDatabaseFailureAnalyzer())) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis;
            }
        }
        throw new AssertionError("no Quarry failure analyzer explains " + failure, failure);
    }
}
