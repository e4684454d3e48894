package io.quarry.session;

/**
 * How a session behaves. Immutable.
 *
 * @param autoflush flush pending changes before each query, so queries see them
 * @param readOnly take no snapshots and never flush (for large reads)
 */
public record SessionOptions(boolean autoflush, boolean readOnly) {

    /** Autoflush on, read-write. */
    public static final SessionOptions DEFAULTS = new SessionOptions(true, false);

    public SessionOptions withAutoflush(boolean value) {
        return new SessionOptions(value, readOnly);
    }

    public SessionOptions withReadOnly(boolean value) {
        return new SessionOptions(autoflush, value);
    }
}
