package io.quarry;

/**
 * A query that must return exactly one row returned none. Immutable and thread-safe.
 */
public class NoResultException extends QuarryException {

    private static final long serialVersionUID = 1L;

    public NoResultException(String message) {
        super(message);
    }

    public NoResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
