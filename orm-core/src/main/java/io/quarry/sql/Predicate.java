package io.quarry.sql;

/**
 * A boolean condition for WHERE and HAVING, combinable with {@link #and}, {@link #or} and
 * {@link Sql#not}. Immutable and thread-safe.
 */
public interface Predicate extends Expression {

    /** This and {@code other}. */
    default Predicate and(Predicate other) {
        return Sql.and(this, other);
    }

    /** This or {@code other}. */
    default Predicate or(Predicate other) {
        return Sql.or(this, other);
    }
}
