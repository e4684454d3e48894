package io.quarry;

import java.sql.SQLException;

/**
 * The database gave up on a statement because of a deadlock or a lock wait timeout; retrying the
 * whole transaction usually succeeds. Immutable and thread-safe.
 */
public class LockFailureException extends StatementException {

    private static final long serialVersionUID = 1L;

    private final boolean deadlock;

    public LockFailureException(String task, String sql, SQLException cause, boolean deadlock) {
        super(task, sql, cause);
        this.deadlock = deadlock;
    }

    /** {@code true} for a deadlock, {@code false} for a lock wait timeout. */
    public boolean isDeadlock() {
        return deadlock;
    }
}
