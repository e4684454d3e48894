package io.quarry;

import java.sql.SQLException;

/**
 * The database gave up on a statement because of a deadlock, or because a lock it waited for was
 * still held when its lock timeout ran out (or at once, for {@code forUpdateNowait()}); retrying the
 * whole transaction usually succeeds. Where Quarry knows what ended the wait, the message says so
 * (e.g. "the session's lock timeout of 500 ms") and how to change it. Immutable and thread-safe.
 */
public class LockFailureException extends StatementException {

    private static final long serialVersionUID = 1L;

    private final boolean deadlock;
    private final String limit;

    public LockFailureException(String task, String sql, SQLException cause, boolean deadlock) {
        super(task, sql, cause);
        this.deadlock = deadlock;
        this.limit = null;
    }

    /**
     * A lock wait that {@code limit} ended (e.g. "the session's lock timeout of 500 ms"); {@code advice}
     * says what to do about it, for the message.
     */
    public LockFailureException(String task, String sql, SQLException cause, String limit, String advice) {
        super(task + " (lock wait ended by " + limit + "; " + advice + ")", sql, cause);
        this.deadlock = false;
        this.limit = limit;
    }

    /** {@code true} for a deadlock, {@code false} for a lock wait timeout. */
    public boolean isDeadlock() {
        return deadlock;
    }

    /**
     * What ended the lock wait, e.g. {@code "the session's lock timeout of 500 ms"} or {@code "the
     * database's own lock timeout"}; {@code null} for a deadlock or where Quarry cannot tell.
     */
    public String getLimit() {
        return limit;
    }
}
