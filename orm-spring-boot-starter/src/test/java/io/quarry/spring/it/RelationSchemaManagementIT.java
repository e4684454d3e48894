package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToMany;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;
import io.quarry.spring.boot.QuarryAutoConfiguration;
import io.quarry.spring.boot.QuarryEntities;
import io.quarry.spring.schema.SchemaValidationException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** quarry.ddl-auto validate and update see foreign keys and join tables, on every test database. */
@CrossDatabaseTest
class RelationSchemaManagementIT {

    @Entity
    @Table(name = "spring_rack")
    static class Rack {
        @Id @GeneratedValue Long id;
        String name;
    }

    @Entity
    @Table(name = "spring_label")
    static class Label {
        @Id @GeneratedValue Long id;
        String name;
    }

    @Entity
    @Table(name = "spring_server")
    static class Server {
        @Id @GeneratedValue Long id;
        String name;
        @ManyToOne Rack rack;
        @ManyToMany(joinTable = "spring_server_label") Set<Label> labels;
    }

    private final TestDatabase db;
    private final ApplicationContextRunner runner;
    private final JdbcTemplate jdbc;

    RelationSchemaManagementIT(TestDatabase db) {
        this.db = db;
        DataSource pool = db.dataSource();
        this.jdbc = new JdbcTemplate(pool);
        this.runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(QuarryAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DelegatingDataSource(pool))
                .withBean(QuarryEntities.class, () -> QuarryEntities.of(Rack.class, Label.class, Server.class));
    }

    @BeforeEach
    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_server_label", "spring_server", "spring_label", "spring_rack");
    }

    @Test
    void validateAcceptsTheForeignKeysCreateMade() {
        runner.withPropertyValues("quarry.ddl-auto=create").run(context -> assertThat(context).hasNotFailed());

        runner.withPropertyValues("quarry.ddl-auto=validate").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void validateReportsAMissingForeignKeyAndJoinTable() {
        jdbc.execute("create table spring_rack (id bigint primary key, name varchar(255))");
        jdbc.execute("create table spring_label (id bigint primary key, name varchar(255))");
        jdbc.execute("create table spring_server (id bigint primary key, name varchar(255), rack_id bigint)");

        runner.withPropertyValues("quarry.ddl-auto=validate").run(context -> {
            assertThat(context).hasFailed();
            SchemaValidationException failure = (SchemaValidationException) rootCause(context.getStartupFailure());
            assertThat(failure.getProblems()).anySatisfy(line -> assertThat(line)
                    .startsWith("missing foreign key spring_server.rack_id -> spring_rack.id (relation 'Server.rack')"));
            assertThat(failure.getProblems()).contains("missing join table spring_server_label (relation 'Server.labels')");
        });
    }

    @Test
    void updateAddsTheForeignKeyColumnItsConstraintAndTheJoinTable() {
        runner.withPropertyValues("quarry.ddl-auto=create").run(context -> assertThat(context).hasNotFailed());
        jdbc.execute("drop table spring_server_label");
        jdbc.execute("drop table spring_server");
        jdbc.execute("create table spring_server (id bigint primary key, name varchar(255))");
        jdbc.update("insert into spring_server (id, name) values (1, 'web-1')");

        runner.withPropertyValues("quarry.ddl-auto=update").run(context -> assertThat(context).hasNotFailed());

        runner.withPropertyValues("quarry.ddl-auto=validate").run(context -> assertThat(context).hasNotFailed());
        assertThat(jdbc.queryForObject("select count(*) from spring_server where rack_id is null", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from spring_server_label", Integer.class)).isZero();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
