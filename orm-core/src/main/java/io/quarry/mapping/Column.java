package io.quarry.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Overrides the defaults of a column: name (snake_case of the field), nullability (primitives NOT
 * NULL, everything else nullable), uniqueness, length (255 for strings) and numeric precision and scale.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {

    /** The column name; empty means the snake_case of the field name. */
    String name() default "";

    /** Whether NULL is allowed. Ignored for primitives and for the id, which are always NOT NULL. */
    boolean nullable() default true;

    /** Whether the column gets a UNIQUE constraint. */
    boolean unique() default false;

    /** The maximum length of a string or binary column. */
    int length() default 255;

    /** The total number of digits of a decimal column; 0 means the default (38). */
    int precision() default 0;

    /** The digits after the decimal point of a decimal column; -1 means the default (2). */
    int scale() default -1;
}
