package io.quarry.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.quarry.testing.SourceFiles;
import io.quarry.testing.SqlText;
import io.quarry.testing.SqlText.Allowed;
import io.quarry.testing.SqlText.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The starter's own shape: its packages have no cycles, it uses orm-core only through orm-core's
 * API (never an {@code internal} package nor the repository implementation), and it writes no SQL
 * text (schema changes come from orm-core's {@code sql} layer); no main file is over 400 lines.
 */
@AnalyzeClasses(packages = "io.quarry.spring", importOptions = ImportOption.DoNotIncludeTests.class)
class StarterArchitectureTest {

    /** Literals that contain an SQL keyword but are not SQL. */
    static final List<Allowed> ALLOWED = List.of(
            new Allowed("io/quarry/spring/boot/SchemaValidationFailureAnalyzer.java", "ddl-auto=update adds",
                    "advice in a failure analysis naming the property value"));

    @ArchTest
    static final ArchRule starterPackagesHaveNoCycles = slices().matching("io.(**)").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule starterUsesOnlyTheApiOfOrmCore = noClasses().that().resideInAPackage("io.quarry.spring..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarry..internal..", "io.quarry.repository.query..")
            .because("the starter is a client of orm-core's API like any application; what it needs that the API "
                    + "lacks belongs in the API");

    @Test
    void noMainSourceFileIsTooLong() {
        assertThat(SourceFiles.longerThan(Path.of("src/main/java"), SourceFiles.MAX_LINES))
                .as("main source files over " + SourceFiles.MAX_LINES + " lines: split them by responsibility").isEmpty();
    }

    @Test
    void starterWritesNoSqlText() {
        List<Finding> findings = SqlText.find(Path.of("src/main/java"));

        assertThat(SqlText.unexplained(findings, ALLOWED))
                .as("string literals with SQL in the starter: render them through orm-core's sql layer or Dialect, "
                        + "or, for a message that is not SQL, add it to ALLOWED with the reason")
                .isEmpty();
        assertThat(ALLOWED).as("allowed literals that no longer exist")
                .allMatch(allowed -> findings.stream().anyMatch(allowed::covers));
    }
}
