package io.quarry.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reference to one other entity through a foreign-key column of this entity's table:
 * {@code @ManyToOne Datacenter datacenter} is the column {@code datacenter_id} holding the
 * datacenter's id. This side owns the relation: what the field holds is what the column gets at
 * flush. Loaded with the objects that hold it (never a silent null): one {@code IN} query per
 * query, or a join (see {@link Fetch}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToOne {

    /** The foreign-key column; empty means the snake_case of the field name plus {@code _id}. */
    String column() default "";

    /** Whether the reference may be null (the column nullable). */
    boolean optional() default true;

    /** How the referenced object is loaded with the objects that hold it. */
    Fetch fetch() default Fetch.SELECTIN;

    /**
     * What the session does to the referenced object when it saves or deletes this one; by default a
     * new referenced object is saved with it ({@link Cascade#SAVE}).
     */
    Cascade[] cascade() default {Cascade.SAVE};

    /** What the database does to this row when the referenced row is deleted. */
    OnDelete onDelete() default OnDelete.NO_ACTION;
}
