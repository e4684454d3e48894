package io.quarry;

/**
 * The root of every exception Quarry throws. Unchecked, like Spring's {@code DataAccessException};
 * the Spring starter translates these into that family. Immutable and thread-safe.
 */
public class QuarryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QuarryException(String message) {
        super(message);
    }

    public QuarryException(String message, Throwable cause) {
        super(message, cause);
    }
}
