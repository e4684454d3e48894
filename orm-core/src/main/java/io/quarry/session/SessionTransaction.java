package io.quarry.session;

/**
 * The side of a session that whoever runs its transaction talks to (the Spring starter): the
 * session to hand out, and the events of a transaction the session does not run itself. Open one
 * with {@link SessionFactory#openSession(ConnectionProvider, SessionOptions)}. Not thread-safe.
 */
public interface SessionTransaction {

    /** The session of this transaction. */
    StatementSession session();

    /**
     * The transaction is about to commit or roll back: closes the result streams still open on its
     * connection, each with a warning naming where it was opened (MariaDB would refuse the commit,
     * the other databases would not: this makes them agree). Call it before the last flush.
     */
    void beforeCompletion();

    /** The transaction ended, committed or not: settle object states and let go of the connection. */
    void afterCompletion(boolean committed);

    /**
     * Call right after a savepoint is set (Spring's NESTED propagation). Flushes pending changes and
     * returns the mark to hand to {@link #afterSavepointRollback}. What this flush writes lies inside
     * the savepoint; to keep changes made before the savepoint out of its reach, flush before setting it.
     */
    Object savepointSet();

    /**
     * The transaction is rolling back to the savepoint whose {@link #savepointSet() mark} is given.
     * Objects added or inserted since become transient again, deletes since are undone, objects
     * updated since are expired (reloaded by the next get, query or refresh); everything older is
     * left as it is. Also clears the state of a failed flush.
     */
    void afterSavepointRollback(Object mark);
}
