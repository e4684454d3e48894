package io.quarry.session;

/** Where an object stands with respect to a session, as in SQLAlchemy. */
public enum ObjectState {
    /** Not in the session and not in the database (a new object never added). */
    TRANSIENT,
    /** Added to the session; inserted at the next flush. */
    PENDING,
    /** In the session's identity map, with a row in the database. */
    PERSISTENT,
    /** Deleted in the session; removed from the database at the next flush (or flushed, awaiting commit). */
    REMOVED,
    /** Has a row in the database but is not held by this session (expunged, cleared, or of another session). */
    DETACHED
}
