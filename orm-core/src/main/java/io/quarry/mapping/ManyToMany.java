package io.quarry.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A collection of other entities through a join table of two foreign keys: {@code @ManyToMany
 * Set<Tag> tags} on {@code Host} is the table {@code host_tags (host_id, tag_id)}. The side without
 * {@link #mappedBy()} owns the join table; the other side names the owning field in
 * {@code mappedBy} and is read-only for the join table.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {

    /** On the inverse side: the owning {@code @ManyToMany} field of the element class. */
    String mappedBy() default "";

    /** The join table; empty means {@code <this table>_<snake_case field>}. */
    String joinTable() default "";

    /** The join table's column holding this entity's id; empty means {@code <this table>_id}. */
    String joinColumn() default "";

    /** The join table's column holding the element's id; empty means {@code <element table>_id}. */
    String inverseJoinColumn() default "";

    /** When the collection is loaded; see {@link OneToMany#fetch()}. */
    Fetch fetch() default Fetch.LAZY;

    /**
     * What the session does to the elements: new elements are saved by default. Removing an element or
     * deleting this object deletes join-table rows only, never the elements.
     */
    Cascade[] cascade() default {Cascade.SAVE};
}
