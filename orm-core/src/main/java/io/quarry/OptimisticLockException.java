package io.quarry;

/**
 * An update or delete of a versioned entity matched no row: another transaction changed or
 * deleted it since it was loaded. Names the entity and its id. Immutable and thread-safe.
 */
public class OptimisticLockException extends QuarryException {

    private static final long serialVersionUID = 1L;

    private final transient Class<?> entityType;
    private final transient Object id;

    public OptimisticLockException(Class<?> entityType, Object id, String message) {
        super(message);
        this.entityType = entityType;
        this.id = id;
    }

    public Class<?> getEntityType() {
        return entityType;
    }

    public Object getId() {
        return id;
    }
}
