package io.quarry.session;

/**
 * Told about every statement an engine runs, after it ran: for logging, metrics, and tests that
 * assert the exact SQL a flush emits. Must be thread-safe and fast; it runs on the caller's thread.
 */
@FunctionalInterface
public interface StatementListener {

    /**
     * @param sql the SQL text with {@code ?} placeholders
     * @param rows how many parameter sets were sent (the batch size), 1 for a plain statement
     * @param nanos how long the execution took
     */
    void executed(String sql, int rows, long nanos);
}
