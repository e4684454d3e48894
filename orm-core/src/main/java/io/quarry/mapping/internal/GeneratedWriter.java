package io.quarry.mapping.internal;

/**
 * Implemented only by the classes Quarry generates for entities that are read often (see
 * {@code EntityModel#instantiate}); public because those classes live in the entity's package. Not
 * for application code.
 */
public interface GeneratedWriter {

    /**
     * A new instance: for a record, its canonical constructor called with the values; for a class,
     * its no-argument constructor, then the fields this writer covers.
     */
    Object create(Object[] values);

    /** Sets the fields this writer covers (those its class declares) on {@code instance}. */
    void write(Object instance, Object[] values);
}
