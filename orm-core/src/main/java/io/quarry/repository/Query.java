package io.quarry.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Hand-written SQL for a repository method, with named ({@code :pattern}) or numbered ({@code ?1})
 * parameters, always bound: {@code @Query("select * from host where hostname like :pattern")}.
 * Results map to the entity (columns matched by label), a projection, or a single-column scalar.
 * Every parameter name is checked against the method when the repository is built.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Query {

    /** The SQL. */
    String value();

    /**
     * The SQL that counts all rows for a {@link Page} result; empty means
     * {@code select count(*) from (value) counted}.
     */
    String countQuery() default "";
}
