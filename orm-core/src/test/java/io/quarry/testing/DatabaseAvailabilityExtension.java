package io.quarry.testing;

import java.lang.reflect.Constructor;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Skips or fails a {@link CrossDatabaseTest} test whose database is unreachable, so test authors write no
 * availability check.
 *
 * <p>It hooks the test class constructor because that is the one place where JUnit shows an extension
 * the {@link TestDatabase} that {@code @ParameterizedClass} injects; with the default per-method
 * lifecycle the constructor runs once per test, so each test is reported skipped or failed on its own,
 * with the reason. Stateless, so thread-safe.
 */
final class DatabaseAvailabilityExtension implements InvocationInterceptor {

    @Override
    public <T> T interceptTestClassConstructor(Invocation<T> invocation,
                                               ReflectiveInvocationContext<Constructor<T>> invocationContext,
                                               ExtensionContext extensionContext) throws Throwable {
        for (Object argument : invocationContext.getArguments()) {
            if (argument instanceof TestDatabase db && !db.availability().reachable()) {
                invocation.skip();
                db.enforceAvailability(); // throws: TestAbortedException (skip) or AssertionFailedError
            }
        }
        return invocation.proceed();
    }
}
