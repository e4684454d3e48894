package io.quarry;

/**
 * A class cannot be mapped, or a property reference does not name a mapped property; raised when the model is built, naming class, field and the fix. Immutable and thread-safe.
 */
public class MappingException extends QuarryException {

    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
