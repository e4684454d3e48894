package io.quarry.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The collection side of a {@link ManyToOne}: {@code @OneToMany(mappedBy = "datacenter")
 * List<Host> hosts} holds the hosts whose {@code datacenter} is this object. The field is a
 * {@code List} or a {@code Set}. The many-to-one side owns the column; the session keeps the two in
 * step at flush (a host added to the collection gets this object as its datacenter if it has none;
 * see DESIGN.md, "Relationships").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToMany {

    /** The {@link ManyToOne} field of the element class that points back at this entity. */
    String mappedBy();

    /**
     * When the collection is loaded: on first access, for every object of the same query at once
     * ({@link Fetch#LAZY}, the default), or with the query ({@link Fetch#SELECTIN}).
     */
    Fetch fetch() default Fetch.LAZY;

    /**
     * What the session does to the elements: new elements are saved by default ({@link Cascade#SAVE});
     * add {@link Cascade#DELETE} to delete them with this object and {@link Cascade#DELETE_ORPHAN} to
     * delete an element removed from the collection (otherwise its foreign key is set to NULL).
     */
    Cascade[] cascade() default {Cascade.SAVE};
}
