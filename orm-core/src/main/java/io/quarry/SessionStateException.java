package io.quarry;

/**
 * An operation does not fit the state of the session or of an object (closed session, object of another session, duplicate identity). Immutable and thread-safe.
 */
public class SessionStateException extends QuarryException {

    private static final long serialVersionUID = 1L;

    public SessionStateException(String message) {
        super(message);
    }

    public SessionStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
