package io.quarry.repository;

import java.util.Objects;

/**
 * A query by example, as Spring Data's: a probe (an entity whose set properties are the
 * conditions) and an {@link ExampleMatcher} saying how to compare them. Passed to a
 * {@link QueryByExampleExecutor}: {@code hosts.findAll(Example.of(probe, matching().withIgnoreCase()))}.
 * Immutable when the probe is not changed afterwards; thread-safe then.
 *
 * @param <T> the probe's type, the repository's entity
 */
public interface Example<T> {

    /** An example matching every non-null property of {@code probe} exactly ({@link ExampleMatcher#matching()}). */
    static <T> Example<T> of(T probe) {
        return new TypedExample<>(probe, ExampleMatcher.matching());
    }

    /** An example comparing {@code probe}'s properties as {@code matcher} says. */
    static <T> Example<T> of(T probe, ExampleMatcher matcher) {
        return new TypedExample<>(probe, matcher);
    }

    /** The entity whose properties are the conditions. */
    T getProbe();

    /** How the probe's properties are compared. */
    ExampleMatcher getMatcher();

    /** The probe's class, the entity the example reads. */
    @SuppressWarnings("unchecked")
    default Class<T> getProbeType() {
        return (Class<T>) getProbe().getClass();
    }
}

/** The one implementation of {@link Example}. */
record TypedExample<T>(T probe, ExampleMatcher matcher) implements Example<T> {

    TypedExample {
        Objects.requireNonNull(probe, "Example.of(null): a probe is required; pass a new, empty entity to match every row");
        Objects.requireNonNull(matcher, "Example.of(probe, null): pass ExampleMatcher.matching() for the default matcher");
    }

    @Override
    public T getProbe() {
        return probe;
    }

    @Override
    public ExampleMatcher getMatcher() {
        return matcher;
    }
}
