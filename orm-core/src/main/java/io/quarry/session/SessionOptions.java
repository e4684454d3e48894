package io.quarry.session;

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
 */
public record SessionOptions(boolean autoflush, boolean readOnly, boolean autoCommit, boolean identityMap) {

    /** Autoflush on, read-write, transactional, with an identity map. */
    public static final SessionOptions DEFAULTS = new SessionOptions(true, false, false, true);

    public SessionOptions {
        if (!identityMap && !readOnly) {
            throw new IllegalArgumentException("A session without an identity map must be read-only: it could not "
                    + "tell which loaded objects changed. Use withReadOnly(true).withIdentityMap(false)");
        }
    }

    /** Options with an identity map. */
    public SessionOptions(boolean autoflush, boolean readOnly, boolean autoCommit) {
        this(autoflush, readOnly, autoCommit, true);
    }

    public SessionOptions withAutoflush(boolean value) {
        return new SessionOptions(value, readOnly, autoCommit, identityMap);
    }

    /** Read-only on or off; switching it off also brings the identity map back. */
    public SessionOptions withReadOnly(boolean value) {
        return new SessionOptions(autoflush, value, autoCommit, identityMap || !value);
    }

    public SessionOptions withAutoCommit(boolean value) {
        return new SessionOptions(autoflush, readOnly, value, identityMap);
    }

    /** Identity map on or off; off needs {@link #readOnly()}. */
    public SessionOptions withIdentityMap(boolean value) {
        return new SessionOptions(autoflush, readOnly, autoCommit, value);
    }
}
