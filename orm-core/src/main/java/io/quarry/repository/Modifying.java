package io.quarry.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Query} method whose SQL changes rows (update, delete, insert); it runs in a
 * transaction and returns the row count ({@code int}, {@code long} or {@code void}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Modifying {

    /**
     * Clear the session after the statement, so objects it holds are reloaded: hand-written SQL
     * bypasses the identity map.
     */
    boolean clearAutomatically() default false;
}
