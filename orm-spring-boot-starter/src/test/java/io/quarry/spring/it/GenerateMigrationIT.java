package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.schema.SchemaManager;
import io.quarry.session.Engine;
import io.quarry.spring.it.migrated.Crate;
import io.quarry.spring.migration.GenerateMigration;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration command on every test database: it runs the application's Flyway migrations first, writes
 * what the mapping adds to them as the next versioned migration, and Flyway runs that file.
 */
@CrossDatabaseTest
class GenerateMigrationIT {

    private final TestDatabase db;

    @TempDir
    Path directory;

    GenerateMigrationIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        String flywayHistory = db.name().equals("mysql") ? "flyway_schema_history" : "\"flyway_schema_history\"";
        db.dropTablesQuietly("spring_crate", "spring_crate_archive", flywayHistory);
    }

    /** The command's arguments: this database, the test's entities, Flyway reading {@code locations}. */
    private String[] arguments(String locations, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
                "--quarry.entity-packages=" + Crate.class.getPackageName(),
                "--quarry.migration.directory=" + directory, "--spring.liquibase.enabled=false",
                "--spring.flyway.locations=" + locations, "--spring.flyway.baseline-on-migrate=true",
                "--spring.flyway.baseline-version=0"));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    private void migrate(String... locations) {
        Flyway.configure().dataSource(db.dataSource()).locations(locations).baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
    }

    /** The lines of the written migration that run: neither comments nor blank. */
    private static List<String> statements(Optional<Path> file) throws IOException {
        if (file.isEmpty()) {
            return List.of();
        }
        return Files.readAllLines(file.get()).stream().filter(line -> !line.isBlank() && !line.startsWith("--")).toList();
    }

    @Test
    void writesTheFirstMigrationOfAnEmptySchemaWhichFlywayRunsAndValidateAccepts() throws IOException {
        Optional<Path> file = GenerateMigration.generate(arguments("filesystem:" + directory,
                "--quarry.migration.description=create crates"));

        assertThat(file).hasValueSatisfying(path -> assertThat(path.getFileName()).hasToString("V1__create_crates.sql"));
        assertThat(Files.readString(file.orElseThrow())).contains("create table spring_crate (");
        migrate("filesystem:" + directory);
        Engine engine = Engine.create(db.dataSource());
        assertThat(SchemaManager.of(engine).differences(List.of(Crate.class))).isEmpty();
        // other tests' tables of the shared database may give commented-out drops, never a statement
        assertThat(statements(GenerateMigration.generate(arguments("filesystem:" + directory)))).isEmpty();
    }

    @Test
    void suggestsDroppingAnUnmappedTableUnlessToldToLeaveItAlone() throws Exception {
        migrate("classpath:db/quarry-it/flyway/partial");
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table spring_crate_archive (id int primary key)");
        }
        String drop = "drop table if exists spring_crate_archive;";

        assertThat(statements(GenerateMigration.generate(arguments("classpath:db/quarry-it/flyway/partial",
                "--quarry.migration.version=7", "--quarry.migration.include-destructive=true")))).contains(drop);
        assertThat(statements(GenerateMigration.generate(arguments("classpath:db/quarry-it/flyway/partial",
                "--quarry.migration.version=8", "--quarry.migration.include-destructive=true",
                "--quarry.migration.leave-alone=audit_*, SPRING_CRATE_ARCH*")))).doesNotContain(drop).isNotEmpty();
    }

    @Test
    void writesTheNextMigrationWithWhatTheExistingOnesLack() throws IOException {
        Optional<Path> file = GenerateMigration.generate(arguments("classpath:db/quarry-it/flyway/partial",
                "--quarry.migration.version=2", "--quarry.migration.description=crate weight"));

        Engine engine = Engine.create(db.dataSource());
        String integer = engine.dialect().typeName(engine.model(Crate.class).property("weight").spec());
        assertThat(file).hasValueSatisfying(path -> assertThat(path.getFileName()).hasToString("V2__crate_weight.sql"));
        assertThat(statements(file)).containsExactly("alter table spring_crate add column weight " + integer + " not null;");
        migrate("classpath:db/quarry-it/flyway/partial", "filesystem:" + directory);
        assertThat(SchemaManager.of(engine).differences(List.of(Crate.class))).isEmpty();
    }
}
