package io.quarry.mapping;

import io.quarry.MappingException;
import java.lang.invoke.MethodHandle;
import java.util.Set;

/**
 * One mapped relation of an entity: a reference ({@link ManyToOne}, {@link OneToOne}) or a collection
 * ({@link OneToMany}, {@link ManyToMany}). A reference's column is a {@link PropertyModel} of the
 * entity ({@link #foreignKey()}); a collection has no column of its own: its other side is found by
 * name ({@link #mappedBy()}) in the element's model, or in its join table. Immutable and thread-safe.
 */
public final class RelationModel {

    /** The four relation kinds. */
    public enum Kind {
        MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY;

        /** Whether the relation holds one object (a foreign-key column of the owner). */
        public boolean isReference() {
            return this == MANY_TO_ONE || this == ONE_TO_ONE;
        }
    }

    private final Class<?> owner;
    private final String name;
    private final Kind kind;
    private final Class<?> target;
    private final boolean set;
    private final Fetch fetch;
    private final Set<Cascade> cascade;
    private final OnDelete onDelete;
    private final String mappedBy;
    private final JoinTable joinTable;
    private final MethodHandle getter;
    private final MethodHandle setter;
    private PropertyModel foreignKey;

    /**
     * The join table of an owning {@link ManyToMany}: its name, the column holding the owner's id and
     * the one holding the element's id, with the specs of both.
     */
    public record JoinTable(String table, String ownerColumn, ColumnSpec ownerSpec, String targetColumn,
            ColumnSpec targetSpec) {
    }

    RelationModel(Class<?> owner, String name, Kind kind, Class<?> target, boolean set, Fetch fetch,
            Set<Cascade> cascade, OnDelete onDelete, String mappedBy, JoinTable joinTable, MethodHandle getter,
            MethodHandle setter) {
        this.owner = owner;
        this.name = name;
        this.kind = kind;
        this.target = target;
        this.set = set;
        this.fetch = fetch;
        this.cascade = Set.copyOf(cascade);
        this.onDelete = onDelete;
        this.mappedBy = mappedBy;
        this.joinTable = joinTable;
        this.getter = getter;
        this.setter = setter;
    }

    void foreignKey(PropertyModel column) {
        this.foreignKey = column;
    }

    /** The entity class that declares the relation. */
    public Class<?> owner() {
        return owner;
    }

    /** The field name, e.g. {@code datacenter}. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The related entity class (the element class of a collection). */
    public Class<?> target() {
        return target;
    }

    public boolean isReference() {
        return kind.isReference();
    }

    public boolean isCollection() {
        return !kind.isReference();
    }

    /** Whether the collection field is a {@code Set} (otherwise a {@code List}). */
    public boolean isSet() {
        return set;
    }

    public Fetch fetch() {
        return fetch;
    }

    public boolean cascades(Cascade what) {
        return cascade.contains(what);
    }

    /** The {@code ON DELETE} action of a reference's foreign key. */
    public OnDelete onDelete() {
        return onDelete;
    }

    /** The reference's foreign-key column; {@code null} for collections. */
    public PropertyModel foreignKey() {
        return foreignKey;
    }

    /**
     * For a {@link OneToMany}, the element's reference field back to the owner; for an inverse
     * {@link ManyToMany}, the element's owning collection field; empty otherwise.
     */
    public String mappedBy() {
        return mappedBy;
    }

    /** Whether this side writes the relation (a reference, or a many-to-many without mappedBy). */
    public boolean isOwning() {
        return mappedBy.isEmpty();
    }

    /** The join table of an owning many-to-many; {@code null} otherwise. */
    public JoinTable joinTable() {
        return joinTable;
    }

    /** The field's value: the referenced object, or the collection (may be null). */
    public Object get(Object entity) {
        try {
            return getter.invokeExact(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingException("Cannot read " + this, e);
        }
    }

    /** Sets the field: the referenced object, or the collection. */
    public void set(Object entity, Object value) {
        if (setter == null) {
            throw new MappingException("Cannot set " + this + ": records are immutable; the loader builds a record "
                    + "with its references, build a new one to change them");
        }
        try {
            setter.invokeExact(entity, value);
        } catch (ClassCastException e) {
            throw new MappingException("Cannot set " + this + " to a " + value.getClass().getName(), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingException("Cannot write " + this, e);
        }
    }

    @Override
    public String toString() {
        return "relation '" + owner.getSimpleName() + "." + name + "'";
    }
}
