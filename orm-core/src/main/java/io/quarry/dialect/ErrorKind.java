package io.quarry.dialect;

/** What a database error means, as far as Quarry cares. */
public enum ErrorKind {
    /** A unique or primary key constraint was violated. */
    DUPLICATE_KEY,
    /** Another integrity constraint (not null, foreign key, check) was violated. */
    CONSTRAINT,
    /** The transaction was chosen as a deadlock victim. */
    DEADLOCK,
    /** A lock could not be acquired in time (or at once, with NOWAIT). */
    LOCK_TIMEOUT,
    /** The statement ran past its query timeout and was cancelled. */
    QUERY_TIMEOUT,
    /** Anything else. */
    OTHER
}
