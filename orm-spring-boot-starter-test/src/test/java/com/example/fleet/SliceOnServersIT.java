package com.example.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.rootCause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.quarry.NPlusOneException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code @QuarryTest} with {@code @AutoConfigureTestDatabase(replace = NONE)} on each database: the
 * tests of {@link ConfiguredDatabaseScenario} run there, roll back, count statements exactly, and the
 * one that reads in a loop fails with {@link NPlusOneException}, which only a run of the class can
 * show (a test that fails on purpose cannot be part of the build's own run).
 */
@CrossDatabaseTest
class SliceOnServersIT {

    private final TestDatabase db;

    SliceOnServersIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    @AfterEach
    void dropTheScenariosTable() {
        // a schema left non-empty makes Flyway refuse to migrate it in the sample's profile tests
        db.dropTablesQuietly("fleet_server");
    }

    @Test
    void theSliceRunsOnTheConfiguredDatabaseAndFailsTheTestThatReadsInALoop() {
        Events tests = run(ConfiguredDatabaseScenario.class);

        assertThat(failures(tests)).as("failed tests of the scenario on %s", db)
                .containsOnlyKeys("readsOneServerPerIdInALoop()");
        tests.assertStatistics(stats -> stats.started(4).succeeded(3).failed(1).skipped(0).aborted(0));
        tests.failed().assertThatEvents().haveExactly(1, event(test("readsOneServerPerIdInALoop"),
                finishedWithFailure(rootCause(instanceOf(NPlusOneException.class),
                        message(text -> text.contains("ran the same statement 21 times")
                                && text.contains("ConfiguredDatabaseScenario.readsOneServerPerIdInALoop"))))));
    }

    /** The failed tests by name, with their failures' stack traces, so that a wrong failure shows. */
    private static Map<String, String> failures(Events tests) {
        Map<String, String> failures = new TreeMap<>();
        tests.failed().stream().forEach(event -> failures.put(event.getTestDescriptor().getDisplayName(),
                event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(SliceOnServersIT::stackTrace).orElse("no throwable")));
        return failures;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private Events run(Class<?> testClass) {
        String previous = System.setProperty(ConfiguredDatabaseScenario.DATABASE, db.name());
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
        } finally {
            if (previous == null) {
                System.clearProperty(ConfiguredDatabaseScenario.DATABASE);
            } else {
                System.setProperty(ConfiguredDatabaseScenario.DATABASE, previous);
            }
        }
    }
}
