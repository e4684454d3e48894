package io.quarry;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.testing.SourceFiles;
import io.quarry.testing.SqlText;
import io.quarry.testing.SqlText.Allowed;
import io.quarry.testing.SqlText.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the main sources of orm-core may contain, read as text: SQL only in the {@code sql} and
 * {@code dialect} layers (DESIGN.md), and no file over {@link SourceFiles#MAX_LINES} lines.
 */
class SqlTextTest {

    /** Literals outside sql/dialect that contain an SQL keyword but are not SQL. */
    static final List<Allowed> ALLOWED = List.of(
            new Allowed("io/quarry/schema/DefaultSchemaManager.java", "update the schema",
                    "the task name in logs and listeners"),
            new Allowed("io/quarry/session/BulkWriter.java", "bulk update ", "the task name in logs and listeners"),
            new Allowed("io/quarry/session/ColumnQuery.java", "select from ", "the task name in logs and listeners"),
            new Allowed("io/quarry/session/Flusher.java", "Cannot update ", "an OptimisticLockException message"),
            new Allowed("io/quarry/session/RowLoader.java", "select every column (select *)",
                    "advice in the message for a result that lacks a column"));

    @Test
    void sqlTextIsWrittenOnlyInTheSqlAndDialectLayers() {
        List<Finding> findings = SqlText.find(Path.of("src/main/java"), "io/quarry/sql", "io/quarry/dialect");

        assertThat(SqlText.unexplained(findings, ALLOWED))
                .as("string literals with SQL outside io.quarry.sql and io.quarry.dialect: render them through the sql "
                        + "layer (Select, Insert, Update, Delete, SchemaDdl, RowWrites) or the Dialect, or, for a "
                        + "message that is not SQL, add it to ALLOWED with the reason")
                .isEmpty();
        assertThat(ALLOWED).as("allowed literals that no longer exist")
                .allMatch(allowed -> findings.stream().anyMatch(allowed::covers));
    }

    @Test
    void noMainSourceFileIsTooLong() {
        assertThat(SourceFiles.longerThan(Path.of("src/main/java"), SourceFiles.MAX_LINES))
                .as("main source files over " + SourceFiles.MAX_LINES + " lines: split them by responsibility").isEmpty();
    }

    @Test
    void findsSqlInStringLiteralsButNotInComments() {
        List<Finding> findings = new ArrayList<>();
        String source = """
                /** Runs select * from host. */
                class Leak {
                    // update host set port = 1
                    String sql = "UPDATE host set port = ?";
                    char quote = '"';
                    String message = "ports to update";
                    String block = \"""
                            delete from host
                            \""";
                }
                """;

        SqlText.scan("Leak.java", source, findings);

        assertThat(findings).extracting(Finding::line).containsExactly(4, 7);
    }
}
