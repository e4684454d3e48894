package io.quarry.session;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The limits of one statement: its time limit in whole seconds (0: none), which setting gave it (for
 * the message of a timeout), the connection provider, which may shorten it to what is left of its own
 * transaction, and what ends the statement's waits for locks (for the message of a lock failure).
 * Immutable; the lock wait may answer for the session's current connection.
 *
 * @param seconds the limit in whole seconds, 0 for none
 * @param source which setting it comes from, e.g. "the query timeout"
 * @param provider the provider of the statement's connection, or null
 * @param lockWait what ends a lock wait of the statement, or null where Quarry cannot tell
 */
record StatementTimeout(int seconds, String source, ConnectionProvider provider, LockWait lockWait) {

    static final StatementTimeout NONE = new StatementTimeout(0, null, null, null);

    /** The limit of a session's statements: its own query timeout, else the engine's default. */
    static StatementTimeout ofSession(Duration own, Duration engineDefault, ConnectionProvider provider,
            LockWait lockWait) {
        return own != null
                ? new StatementTimeout(seconds(own), "the session's query timeout", provider, lockWait)
                : new StatementTimeout(seconds(engineDefault), "the engine's query timeout", provider, lockWait);
    }

    /** A limit without knowledge of lock waits. */
    StatementTimeout(int seconds, String source, ConnectionProvider provider) {
        this(seconds, source, provider, null);
    }

    /** The limit of {@code duration} rounded up to whole seconds (JDBC's unit); null or zero means none. */
    static int seconds(Duration duration) {
        if (duration == null || duration.isZero()) {
            return 0;
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A timeout must not be negative, got " + duration);
        }
        long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, seconds);
    }

    /** This limit for a statement of the same connection, from {@code source} instead (when it sets one). */
    StatementTimeout overriddenBy(Duration duration, String by) {
        int own = seconds(duration);
        return own == 0 ? this : new StatementTimeout(own, by, provider, lockWait);
    }

    /** This limit for a statement whose lock waits {@code value} ends instead (a NOWAIT query). */
    StatementTimeout withLockWait(LockWait value) {
        return new StatementTimeout(seconds, source, provider, value);
    }

    /**
     * Sets the limit on {@code statement}, lets the provider shorten it to its transaction's
     * remaining time, and returns what the limit is, for the message of a timeout (null: none).
     */
    String apply(Statement statement) throws SQLException {
        if (seconds > 0) {
            statement.setQueryTimeout(seconds);
        }
        if (provider != null) {
            provider.applyTimeout(statement);
        }
        int effective = statement.getQueryTimeout();
        if (effective <= 0) {
            return null;
        }
        return seconds > 0 && effective >= seconds ? source + " of " + seconds + " s"
                : "the transaction's remaining time of " + effective + " s";
    }
}
