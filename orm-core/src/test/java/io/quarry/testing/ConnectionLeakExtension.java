package io.quarry.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves a connection of a shared test pool ({@link TestDatabase#dataSource()})
 * in use: an unclosed session, stream, result or connection, or a worker thread still running.
 *
 * <p>Registered by {@link CrossDatabaseTest}, so every integration test class has it. It compares each
 * pool's active connections (HikariCP's {@code HikariPoolMXBean}) after the class with the count before
 * it, so only the class that leaked fails, not every class after it. Connections handed back on another
 * thread (a closing application context, a worker finishing) get a short, bounded grace period.
 * Stateless apart from JUnit's store, so thread-safe.
 */
final class ConnectionLeakExtension implements BeforeAllCallback, AfterAllCallback {

    private static final long GRACE_MILLIS = 2_000;
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ConnectionLeakExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(key(context), TestDatabase.activeConnectionsOfSharedPools());
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        @SuppressWarnings("unchecked")
        Map<String, Integer> before = (Map<String, Integer>) context.getStore(NAMESPACE).get(key(context));
        Map<String, Integer> leaked = leaks(before == null ? Map.of() : before);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        while (!leaked.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            leaked = leaks(before == null ? Map.of() : before);
        }
        if (!leaked.isEmpty()) {
            int total = leaked.values().stream().mapToInt(Integer::intValue).sum();
            throw new AssertionError(context.getDisplayName() + " left " + total + " pooled connection(s) in use "
                    + leaked + ", " + GRACE_MILLIS + " ms after its last test; close every Session, Stream, Connection"
                    + " and application context the tests open (try-with-resources), and join the threads they start");
        }
    }

    private static Map<String, Integer> leaks(Map<String, Integer> before) {
        Map<String, Integer> leaked = new LinkedHashMap<>();
        TestDatabase.activeConnectionsOfSharedPools().forEach((pool, active) -> {
            int extra = active - before.getOrDefault(pool, 0);
            if (extra > 0) {
                leaked.put(pool, extra);
            }
        });
        return leaked;
    }

    private static String key(ExtensionContext context) {
        return context.getUniqueId();
    }
}
