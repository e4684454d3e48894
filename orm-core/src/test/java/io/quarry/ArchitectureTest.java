package io.quarry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The shape DESIGN.md describes, held by the build: the layer order inside orm-core, no Spring, no
 * package cycles, a repository API that knows nothing of its implementation, and the public types of
 * the session package. A rule that fails names the class and the dependency that broke it.
 */
@AnalyzeClasses(packages = "io.quarry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The public top-level types of {@code io.quarry.session}; a new one is a decision for DESIGN.md first. */
    static final Set<String> SESSION_API = Set.of("AuditorAware", "ConnectionProvider", "DataSourceConnectionProvider",
            "Engine", "EntityListener", "FetchPlan", "NamedSql", "NPlusOneDetection", "ObjectState", "PageResult",
            "Query", "ResultMapper", "Row", "RowQuery", "Session", "SessionFactory", "SessionOptions",
            "SessionTransaction", "StatementListener", "StatementObserver", "StatementSession");

    /** DESIGN.md "Layers inside orm-core": each may use only the ones above it; io.quarry's exceptions serve all. */
    @ArchTest
    static final ArchRule layersAreUsedOnlyFromBelow = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("types").definedBy("io.quarry.types..")
            .layer("mapping").definedBy("io.quarry.mapping..")
            .layer("dialect").definedBy("io.quarry.dialect..")
            .layer("sql").definedBy("io.quarry.sql..")
            .layer("session").definedBy("io.quarry.session..")
            .layer("repository").definedBy("io.quarry.repository..")
            .layer("schema").definedBy("io.quarry.schema..")
            .whereLayer("repository").mayNotBeAccessedByAnyLayer()
            .whereLayer("schema").mayNotBeAccessedByAnyLayer()
            .whereLayer("session").mayOnlyBeAccessedByLayers("repository", "schema")
            .whereLayer("sql").mayOnlyBeAccessedByLayers("session", "repository", "schema")
            .whereLayer("dialect").mayOnlyBeAccessedByLayers("sql", "session", "repository", "schema")
            .whereLayer("mapping").mayOnlyBeAccessedByLayers("dialect", "sql", "session", "repository", "schema")
            .whereLayer("types").mayOnlyBeAccessedByLayers("mapping", "dialect", "sql", "session", "repository",
                    "schema");

    /** The repository implementation, in the order DESIGN.md gives: shared, parse, projection, derived | handwritten, support. */
    @ArchTest
    static final ArchRule repositoryPackagesAreUsedOnlyFromBelow = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("shared").definedBy("io.quarry.repository.query")
            .layer("parse").definedBy("io.quarry.repository.query.parse..")
            .layer("projection").definedBy("io.quarry.repository.query.projection..")
            .layer("derived").definedBy("io.quarry.repository.query.derived..")
            .layer("handwritten").definedBy("io.quarry.repository.query.handwritten..")
            .layer("support").definedBy("io.quarry.repository.support..")
            .whereLayer("support").mayNotBeAccessedByAnyLayer()
            .whereLayer("derived").mayOnlyBeAccessedByLayers("support")
            .whereLayer("handwritten").mayOnlyBeAccessedByLayers("support")
            .whereLayer("projection").mayOnlyBeAccessedByLayers("derived", "handwritten", "support")
            .whereLayer("parse").mayOnlyBeAccessedByLayers("projection", "derived", "handwritten", "support")
            .whereLayer("shared").mayOnlyBeAccessedByLayers("parse", "projection", "derived", "handwritten", "support");

    /** The user API (Repository, CrudRepository, Page, Sort, ...) compiles without any of the implementation. */
    @ArchTest
    static final ArchRule repositoryApiDoesNotDependOnItsImplementation = noClasses()
            .that().resideInAPackage("io.quarry.repository")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarry.repository.query..",
                    "io.quarry.repository.support..")
            .because("the API package must stay usable and readable on its own; the implementation depends on it");

    @ArchTest
    static final ArchRule ormCoreDoesNotUseSpring = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .because("orm-core works with a plain DataSource; Spring belongs to the starter");

    /** DESIGN.md "Modules": orm-core depends on the JDK and SLF4J only. */
    @ArchTest
    static final ArchRule ormCoreDependsOnTheJdkAndSlf4jOnly = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.quarry..", "java..", "javax..", "org.slf4j..", "")
            .because("orm-core ships with SLF4J as its only dependency");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("io.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sessionExposesOnlyItsApi = classes()
            .that().resideInAPackage("io.quarry.session").and().areTopLevelClasses().and().arePublic()
            .should().haveNameMatching("io\\.quarry\\.session\\.(" + String.join("|", SESSION_API) + ")")
            .because("the implementation of the session layer is package-private; a new public type is an API "
                    + "decision (add it to SESSION_API and DESIGN.md)");

    @ArchTest
    static void sessionApiTypesAreAllPublic(JavaClasses classes) {
        for (String name : SESSION_API) {
            assertThat(classes.get("io.quarry.session." + name).getModifiers()).as(name).contains(JavaModifier.PUBLIC);
        }
    }
}
