package io.quarry.session;

/**
 * Told when each statement of an engine starts and how it ended, around its execution on the caller's
 * thread: the seam for timers and tracing spans (the Spring starter's Micrometer observations), which
 * need a start, a stop and the error, where a {@link StatementListener} is told afterwards and only of
 * success. Registered with {@link Engine.Builder#statementObserver}; an engine without one pays one null
 * check per statement and allocates nothing for it. Implementations must be thread-safe and fast; an
 * exception they throw fails the statement.
 */
@FunctionalInterface
public interface StatementObserver {

    /**
     * A statement is about to be prepared and run; the returned execution is told exactly once how it
     * ended (for a stream: when the stream is closed).
     */
    Execution started(Statement statement);

    /** How a statement ran: one per {@link #started} call, told once. */
    interface Execution {

        /**
         * The statement ran.
         *
         * @param rows the rows it changed (updates, the sum of a batch's counts), read (a query read into a
         *        list, a stream's rows read until it was closed), or -1 when not known
         */
        void succeeded(long rows);

        /** The statement failed: the database refused it, a value could not be bound, or its rows not read. */
        void failed(Throwable error);
    }

    /** What runs the statement, one per method of the execution path. */
    enum Kind {
        /** A read whose whole result is read before it returns. */
        QUERY,
        /** A read whose rows are read as its stream is consumed; it ends when the stream is closed. */
        STREAM,
        /** One INSERT, UPDATE or DELETE (a bulk update or delete, {@code @Modifying} SQL). */
        UPDATE,
        /** A statement run once per row of a JDBC batch: a flush, an upsert, join-table rows (a batch of one too). */
        BATCH,
        /** DDL or a statement that sets something on the connection (a lock timeout). */
        EXECUTE
    }

    /**
     * One statement about to run. Never carries bound values.
     *
     * @param kind what runs it
     * @param task what Quarry does with it, naming entities and relations, never values ("query Host",
     *        "flush Host", "load Host.tags")
     * @param sql the SQL text with {@code ?} placeholders
     * @param parameterSets how many parameter sets are sent: the rows of a batch, 1 otherwise
     */
    record Statement(Kind kind, String task, String sql, int parameterSets) {
    }
}
