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
 */
public record SessionOptions(boolean autoflush, boolean readOnly, boolean autoCommit, boolean identityMap,
        Duration queryTimeout) {

    /** Autoflush on, read-write, transactional, with an identity map, the engine's query timeout. */
    public static final SessionOptions DEFAULTS = new SessionOptions(true, false, false, true, null);

    public SessionOptions {
        if (!identityMap && !readOnly) {
            throw new IllegalArgumentException("A session without an identity map must be read-only: it could not "
                    + "tell which loaded objects changed. Use withReadOnly(true).withIdentityMap(false)");
        }
        if (queryTimeout != null && queryTimeout.isNegative()) {
            throw new IllegalArgumentException("The query timeout must not be negative, got " + queryTimeout
                    + "; use Duration.ZERO for none, or null for the engine's default");
        }
    }

    /** Options with the engine's query timeout. */
    public SessionOptions(boolean autoflush, boolean readOnly, boolean autoCommit, boolean identityMap) {
        this(autoflush, readOnly, autoCommit, identityMap, null);
    }

    /** Options with an identity map and the engine's query timeout. */
    public SessionOptions(boolean autoflush, boolean readOnly, boolean autoCommit) {
        this(autoflush, readOnly, autoCommit, true, null);
    }

    public SessionOptions withAutoflush(boolean value) {
        return new SessionOptions(value, readOnly, autoCommit, identityMap, queryTimeout);
    }

    /** Read-only on or off; switching it off also brings the identity map back. */
    public SessionOptions withReadOnly(boolean value) {
        return new SessionOptions(autoflush, value, autoCommit, identityMap || !value, queryTimeout);
    }

    public SessionOptions withAutoCommit(boolean value) {
        return new SessionOptions(autoflush, readOnly, value, identityMap, queryTimeout);
    }

    /** Identity map on or off; off needs {@link #readOnly()}. */
    public SessionOptions withIdentityMap(boolean value) {
        return new SessionOptions(autoflush, readOnly, autoCommit, value, queryTimeout);
    }

    /** The time limit of each statement ({@code null}: the engine's default; {@link Duration#ZERO}: none). */
    public SessionOptions withQueryTimeout(Duration value) {
        return new SessionOptions(autoflush, readOnly, autoCommit, identityMap, value);
    }
}
