package io.quarry;

/**
 * The session's transaction was rolled back by a failed flush; the session refuses work until {@code rollback()} is called. Immutable and thread-safe.
 */
public class PendingRollbackException extends QuarryException {

    private static final long serialVersionUID = 1L;

    public PendingRollbackException(String message) {
        super(message);
    }

    public PendingRollbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
