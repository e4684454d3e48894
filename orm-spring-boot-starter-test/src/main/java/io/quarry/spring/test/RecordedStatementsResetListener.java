package io.quarry.spring.test;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Empties the context's {@link RecordedStatements}, if it has one, right before each test method
 * runs: after {@code @BeforeEach} methods and the start of the test's transaction, so the statements
 * recorded are the test's own. Registered for every Spring test (META-INF/spring.factories) and does
 * nothing where there is no such bean. Stateless, so thread-safe.
 */
final class RecordedStatementsResetListener extends AbstractTestExecutionListener {

    /** After Spring's own listeners, none of which runs Quarry statements in this phase. */
    private static final int ORDER = 10_000;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void beforeTestExecution(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(RecordedStatements.class)
                    .ifAvailable(RecordedStatements::clear);
        }
    }
}
