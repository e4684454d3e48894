package io.quarry.sql;

import io.quarry.types.Codec;

/**
 * A piece of SQL that renders itself: a column, a function, an aggregate, a predicate. Immutable
 * and thread-safe.
 */
public interface Expression {

    /** Writes this expression's SQL and bindings. */
    void render(RenderContext context);

    /**
     * The codec that binds values compared with this expression and reads it from a result set;
     * {@code null} when the driver's own type is best ({@code sum}, {@code avg}).
     */
    default Codec<Object> codec(RenderContext context) {
        return null;
    }

    /** The label of this expression in a result row (the property name for a column). */
    default String label() {
        return toString();
    }
}
