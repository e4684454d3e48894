package io.quarry.mapping;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A reference to a mapped property written as a method reference: {@code Host::getPort}, or
 * {@code Host::port} for records. Quarry resolves it once per call site (through the serialized
 * form of the lambda) and caches the result, so using it on a hot path costs a map lookup.
 *
 * @param <T> the entity type
 * @param <V> the property type
 */
@FunctionalInterface
public interface Property<T, V> extends Function<T, V>, Serializable {
}
