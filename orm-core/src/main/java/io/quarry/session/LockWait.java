package io.quarry.session;

/**
 * What ends a statement's wait for a lock another transaction holds, for the message of a
 * {@link io.quarry.LockFailureException}: the limit that fired and what to do about it. A session's
 * {@link SessionConnection} answers for the lock timeout in force on its connection, so it is not
 * thread-safe; {@link Fixed} ones are immutable.
 */
interface LockWait {

    /** A query with {@code forUpdateNowait()}: it does not wait at all. */
    LockWait NOWAIT = new Fixed("forUpdateNowait(), which does not wait for rows another transaction holds",
            "roll back and retry the transaction, or use forUpdate() to wait for them");

    /** What ended the wait, e.g. {@code "the session's lock timeout of 500 ms"}. */
    String limit();

    /** What to do about it, e.g. {@code "roll back and retry the transaction, or ..."}. */
    String advice();

    /** A limit known in advance. */
    record Fixed(String limit, String advice) implements LockWait {
    }
}
