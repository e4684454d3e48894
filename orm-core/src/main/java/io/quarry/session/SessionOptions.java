package io.quarry.session;

import java.time.Duration;

/**
 * How a session behaves. Immutable.
 *
 * @param autoflush flush pending changes before each query, so queries see them
 * @param readOnly take no snapshots and never flush (for large reads)
 * @param autoCommit leave the connection in auto-commit mode: each statement commits on its own,
 *        so a single read costs one round trip; for one-statement work outside a transaction only
 * @param identityMap remember every loaded object by id, so reading a row again returns the same
 *        instance; switched off (read-only sessions only) each read builds new objects and the
 *        session holds none of them, which is what a read whose session ends with it needs
 * @param queryTimeout the time limit of each statement the session runs ({@code null}: the engine's
 *        default); a query's own {@code timeout(...)} replaces it, and Spring's transaction timeout
 *        shortens it to the time the transaction has left
 * @param lockTimeout how long a statement of the session's transactions waits for a lock another
 *        transaction holds before it fails with a {@link io.quarry.LockFailureException}
 *        ({@code null}: the engine's default; {@link Duration#ZERO}: none, the database's own);
 *        set once per transaction, not per statement; an auto-commit session runs no transaction
 *        and keeps the database's own
 * @param nPlusOne how the N+1 detector watches the session ({@code null}: the engine's setting)
 */
public record SessionOptions(boolean autoflush, boolean readOnly, boolean autoCommit, boolean identityMap,
        Duration queryTimeout, Duration lockTimeout, NPlusOneDetection nPlusOne) {

    /** Autoflush on, read-write, transactional, with an identity map, the engine's timeouts and N+1 detection. */
    public static final SessionOptions DEFAULTS = new SessionOptions(true, false, false, true, null, null, null);

    public SessionOptions {
        if (!identityMap && !readOnly) {
            throw new IllegalArgumentException("A session without an identity map must be read-only: it could not "
                    + "tell which loaded objects changed. Use withReadOnly(true).withIdentityMap(false)");
        }
        if (queryTimeout != null && queryTimeout.isNegative()) {
            throw new IllegalArgumentException("The query timeout must not be negative, got " + queryTimeout
                    + "; use Duration.ZERO for none, or null for the engine's default");
        }
        if (lockTimeout != null && lockTimeout.isNegative()) {
            throw new IllegalArgumentException("The lock timeout must not be negative, got " + lockTimeout
                    + "; use Duration.ZERO for none (the database's own), or null for the engine's default");
        }
    }

    /** Options with the engine's N+1 detection. */
    public SessionOptions(boolean autoflush, boolean readOnly, boolean autoCommit, boolean identityMap,
            Duration queryTimeout, Duration lockTimeout) {
        this(autoflush, readOnly, autoCommit, identityMap, queryTimeout, lockTimeout, null);
    }

    /** Options with the engine's lock timeout and N+1 detection. */
    public SessionOptions(boolean autoflush, boolean readOnly, boolean autoCommit, boolean identityMap,
            Duration queryTimeout) {
        this(autoflush, readOnly, autoCommit, identityMap, queryTimeout, null, null);
    }

    /** Options with the engine's query and lock timeouts and N+1 detection. */
    public SessionOptions(boolean autoflush, boolean readOnly, boolean autoCommit, boolean identityMap) {
        this(autoflush, readOnly, autoCommit, identityMap, null, null, null);
    }

    /** Options with an identity map and the engine's query and lock timeouts and N+1 detection. */
    public SessionOptions(boolean autoflush, boolean readOnly, boolean autoCommit) {
        this(autoflush, readOnly, autoCommit, true, null, null, null);
    }

    public SessionOptions withAutoflush(boolean value) {
        return new SessionOptions(value, readOnly, autoCommit, identityMap, queryTimeout, lockTimeout, nPlusOne);
    }

    /** Read-only on or off; switching it off also brings the identity map back. */
    public SessionOptions withReadOnly(boolean value) {
        return new SessionOptions(autoflush, value, autoCommit, identityMap || !value, queryTimeout, lockTimeout,
                nPlusOne);
    }

    public SessionOptions withAutoCommit(boolean value) {
        return new SessionOptions(autoflush, readOnly, value, identityMap, queryTimeout, lockTimeout, nPlusOne);
    }

    /** Identity map on or off; off needs {@link #readOnly()}. */
    public SessionOptions withIdentityMap(boolean value) {
        return new SessionOptions(autoflush, readOnly, autoCommit, value, queryTimeout, lockTimeout, nPlusOne);
    }

    /** The time limit of each statement ({@code null}: the engine's default; {@link Duration#ZERO}: none). */
    public SessionOptions withQueryTimeout(Duration value) {
        return new SessionOptions(autoflush, readOnly, autoCommit, identityMap, value, lockTimeout, nPlusOne);
    }

    /**
     * How long a statement waits for a lock another transaction holds ({@code null}: the engine's
     * default; {@link Duration#ZERO}: none, the database's own). Set once per transaction, rounded up
     * to the database's unit (milliseconds; whole seconds on MySQL and MariaDB).
     */
    public SessionOptions withLockTimeout(Duration value) {
        return new SessionOptions(autoflush, readOnly, autoCommit, identityMap, queryTimeout, value, nPlusOne);
    }

    /**
     * How the N+1 detector watches this session ({@code null}: the engine's setting); e.g.
     * {@link NPlusOneDetection#OFF} for a batch job whose loop of reads is meant to be.
     */
    public SessionOptions withNPlusOne(NPlusOneDetection value) {
        return new SessionOptions(autoflush, readOnly, autoCommit, identityMap, queryTimeout, lockTimeout, value);
    }
}
