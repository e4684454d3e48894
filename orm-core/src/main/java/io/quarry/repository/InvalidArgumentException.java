package io.quarry.repository;

import io.quarry.QuarryException;

/**
 * A repository method was called with an argument it cannot use: a Sort naming no property of the
 * entity, a null where a value is needed, an invalid page request. Raised before any SQL is sent.
 * Immutable and thread-safe.
 */
public class InvalidArgumentException extends QuarryException {

    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(message);
    }

    public InvalidArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
