package io.quarry.repository.query;

/**
 * Why one repository method cannot be implemented; {@link RepositoryBuilder} wraps it in a
 * {@link io.quarry.repository.QueryCreationException} naming interface and method. Immutable.
 */
public final class InvalidQueryMethodException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidQueryMethodException(String reason) {
        super(reason);
    }
}
