package io.quarry.spring.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.quarry.testing.SourceFiles;
import io.quarry.testing.SqlText;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slice's shape: a small public API (the annotations, the recorded statements and their
 * assertions; everything else package-private), orm-core and the starter used through their API
 * only, no SQL text, no main file over 400 lines.
 */
@AnalyzeClasses(packages = "io.quarry.spring.test", importOptions = ImportOption.DoNotIncludeTests.class)
class SliceArchitectureTest {

    /** A new public type is a decision: add it here with the reason. */
    static final List<String> PUBLIC_TYPES = List.of(
            "io.quarry.spring.test.QuarryTest",              // the slice
            "io.quarry.spring.test.AutoConfigureQuarry",     // its auto-configurations, for a slice of one's own
            "io.quarry.spring.test.RecordedStatements",      // the bean tests inject
            "io.quarry.spring.test.RecordedStatement",       // what it holds
            "io.quarry.spring.test.RecordedStatement$Kind",
            "io.quarry.spring.test.StatementsAssert");       // its assertions' type

    @ArchTest
    static final ArchRule onlyTheListedTypesArePublic = classes().that().arePublic()
            .should().haveNameMatching(String.join("|", PUBLIC_TYPES).replace(".", "\\.").replace("$", "\\$"))
            .because("the slice's API is its annotations and the recorded statements; the rest is how it works");

    @ArchTest
    static final ArchRule usesOnlyTheApiOfQuarry = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.quarry..internal..", "io.quarry.repository.query..", "io.quarry.spring")
            .because("the slice is a client of orm-core's and the starter's API like any application");

    @Test
    void noMainSourceFileIsTooLong() {
        assertThat(SourceFiles.longerThan(Path.of("src/main/java"), SourceFiles.MAX_LINES)).isEmpty();
    }

    @Test
    void theSliceWritesNoSqlText() {
        assertThat(SqlText.find(Path.of("src/main/java"))).isEmpty();
    }
}
