package io.quarry.session;

/**
 * How a session behaves. Immutable.
 *
 * @param autoflush flush pending changes before each query, so queries see them
 * @param readOnly take no snapshots and never flush (for large reads)
 * @param autoCommit leave the connection in auto-commit mode: each statement commits on its own,
 *        so a single read costs one round trip; for one-statement work outside a transaction only
 */
public record SessionOptions(boolean autoflush, boolean readOnly, boolean autoCommit) {

    /** Autoflush on, read-write, transactional. */
    public static final SessionOptions DEFAULTS = new SessionOptions(true, false, false);

    public SessionOptions withAutoflush(boolean value) {
        return new SessionOptions(value, readOnly, autoCommit);
    }

    public SessionOptions withReadOnly(boolean value) {
        return new SessionOptions(autoflush, value, autoCommit);
    }

    public SessionOptions withAutoCommit(boolean value) {
        return new SessionOptions(autoflush, readOnly, value);
    }
}
