package io.quarry.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reference to one other entity through a foreign-key column with a UNIQUE constraint: a
 * {@link ManyToOne} that at most one row may point at a given target with. The same attributes and
 * defaults as {@link ManyToOne}; this side owns the relation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToOne {

    /** The foreign-key column; empty means the snake_case of the field name plus {@code _id}. */
    String column() default "";

    /** Whether the reference may be null (the column nullable). */
    boolean optional() default true;

    /** How the referenced object is loaded with the objects that hold it. */
    Fetch fetch() default Fetch.SELECTIN;

    /** What the session does to the referenced object when it saves or deletes this one. */
    Cascade[] cascade() default {Cascade.SAVE};

    /** What the database does to this row when the referenced row is deleted. */
    OnDelete onDelete() default OnDelete.NO_ACTION;
}
