package io.quarry.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an index on an entity's table; repeatable. Columns are named by property
 * ({@code "ipAddr"}) or column ({@code "ip_addr"}) and checked against the model.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Indexes.class)
public @interface Index {

    /** The indexed properties or columns, in order. */
    String[] columns();

    /** Whether the index is unique. */
    boolean unique() default false;

    /** The index name; empty means {@code ix_<table>_<columns>} (or {@code ux_} for unique ones). */
    String name() default "";
}
