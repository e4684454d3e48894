package io.quarry;

/**
 * A query that must return at most one row returned more. Immutable and thread-safe.
 */
public class NonUniqueResultException extends QuarryException {

    private static final long serialVersionUID = 1L;

    public NonUniqueResultException(String message) {
        super(message);
    }

    public NonUniqueResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
