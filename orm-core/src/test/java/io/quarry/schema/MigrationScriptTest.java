package io.quarry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.schema.SchemaChanges.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationScriptTest {

    private static final List<Change> CHANGES = List.of(Change.of("create table t (id bigint)"),
            new Change("alter table t drop column c", true, "column t.c is in the database but not in the mapping"),
            new Change(null, true, "table x-y is in the database but no entity maps it"));

    @TempDir
    Path directory;

    @Test
    void appliesSafeStatementsAndCommentsOutDestructiveOnesWithTheirWarning() {
        MigrationScript script = new MigrationScript("-- header\n", CHANGES, false);

        assertThat(script.statements()).containsExactly("create table t (id bigint)");
        assertThat(script.skipped()).containsExactly("alter table t drop column c");
        assertThat(script.warnings()).hasSize(2);
        assertThat(script.sql()).isEqualTo("""
                -- header
                create table t (id bigint);

                -- WARNING: column t.c is in the database but not in the mapping.
                -- Not applied: remove the leading "-- " of the next line to apply it
                -- alter table t drop column c;

                -- WARNING: table x-y is in the database but no entity maps it
                """);
    }

    @Test
    void includesDestructiveStatementsWhenAsked() {
        MigrationScript script = new MigrationScript("", CHANGES, true);

        assertThat(script.statements()).containsExactly("create table t (id bigint)", "alter table t drop column c");
        assertThat(script.skipped()).isEmpty();
        assertThat(script.sql()).isEqualTo("""
                create table t (id bigint);

                -- WARNING: column t.c is in the database but not in the mapping
                alter table t drop column c;

                -- WARNING: table x-y is in the database but no entity maps it
                """);
    }

    @Test
    void readsAsItsSql() {
        MigrationScript script = new MigrationScript("-- header\n", CHANGES, false);

        assertThat(script).hasToString(script.sql());
    }

    @Test
    void isEmptyWithoutChanges() {
        assertThat(new MigrationScript("", List.of(), false).isEmpty()).isTrue();
        assertThat(new MigrationScript("", CHANGES, false).isEmpty()).isFalse();
    }

    @Test
    void writesAFlywayVersionedFileAndKnowsTheNextVersion() throws IOException {
        MigrationScript script = new MigrationScript("-- header\n", CHANGES, false);
        assertThat(MigrationScript.nextVersion(directory.resolve("missing"))).isEqualTo("1");

        Path file = script.writeTo(directory.resolve("db"), "2", "add shelf capacity");

        assertThat(file.getFileName()).hasToString("V2__add_shelf_capacity.sql");
        assertThat(Files.readString(file)).isEqualTo(script.sql());
        Files.writeString(directory.resolve("db/V10_1__later.sql"), "");
        Files.writeString(directory.resolve("db/R__repeatable.sql"), "");
        assertThat(MigrationScript.nextVersion(directory.resolve("db"))).isEqualTo("11");
    }

    @Test
    void refusesAVersionThatExistsOrIsNotFlywaysAndAnOddDescription() throws IOException {
        MigrationScript script = new MigrationScript("", CHANGES, false);
        script.writeTo(directory, "1", "init");

        assertThatThrownBy(() -> script.writeTo(directory, "1", "again")).isInstanceOf(QuarryException.class)
                .hasMessageContaining("Migration version 1 already exists").hasMessageContaining("the next free one is 2");
        assertThatThrownBy(() -> script.writeTo(directory, "v2", "x")).isInstanceOf(QuarryException.class)
                .hasMessageContaining("'v2' is not a Flyway version");
        assertThatThrownBy(() -> script.writeTo(directory, "2", "drop; table")).isInstanceOf(QuarryException.class)
                .hasMessageContaining("may hold only letters, digits");
    }
}
