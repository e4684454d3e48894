package io.quarry.repository;

import io.quarry.QuarryException;

/**
 * A repository method cannot be turned into a query: raised by {@link RepositoryFactory} when the
 * proxy is built, naming interface, method, what is wrong and how to fix it. Immutable and
 * thread-safe.
 */
public class QueryCreationException extends QuarryException {

    private static final long serialVersionUID = 1L;

    public QueryCreationException(String message) {
        super(message);
    }

    public QueryCreationException(String message, Throwable cause) {
        super(message, cause);
    }
}
