package io.quarry.mapping;

import io.quarry.MappingException;
import io.quarry.types.Codec;
import java.lang.invoke.MethodHandle;

/**
 * One mapped property: its column, codec, constraints and fast accessors (method handles
 * resolved once). Immutable and thread-safe.
 */
public final class PropertyModel {

    private final Class<?> entityType;
    private final String name;
    private final String column;
    private final Class<?> javaType;
    private final Codec<Object> codec;
    private final ColumnSpec spec;
    private final int position;
    private final boolean id;
    private final boolean version;
    private final GenerationType generation;
    private final MethodHandle getter;
    private final MethodHandle setter;
    private final RelationModel reference;
    private final boolean softDelete;

    PropertyModel(Class<?> entityType, String name, String column, Class<?> javaType, Codec<Object> codec,
            ColumnSpec spec, int position, boolean id, boolean version, GenerationType generation,
            MethodHandle getter, MethodHandle setter) {
        this(entityType, name, column, javaType, codec, spec, position, id, version, generation, getter, setter, null,
                false);
    }

    /**
     * A property; for the foreign-key column of a reference, {@code reference} is the relation,
     * {@code getter} reads the referenced object's id and there is no setter (the loader sets the
     * reference).
     */
    PropertyModel(Class<?> entityType, String name, String column, Class<?> javaType, Codec<Object> codec,
            ColumnSpec spec, int position, boolean id, boolean version, GenerationType generation,
            MethodHandle getter, MethodHandle setter, RelationModel reference) {
        this(entityType, name, column, javaType, codec, spec, position, id, version, generation, getter, setter,
                reference, false);
    }

    /** A property; {@code softDelete} when it is the entity's {@link SoftDelete} mark. */
    PropertyModel(Class<?> entityType, String name, String column, Class<?> javaType, Codec<Object> codec,
            ColumnSpec spec, int position, boolean id, boolean version, GenerationType generation,
            MethodHandle getter, MethodHandle setter, RelationModel reference, boolean softDelete) {
        this.softDelete = softDelete;
        this.reference = reference;
        this.entityType = entityType;
        this.name = name;
        this.column = column;
        this.javaType = javaType;
        this.codec = codec;
        this.spec = spec;
        this.position = position;
        this.id = id;
        this.version = version;
        this.generation = generation;
        this.getter = getter;
        this.setter = setter;
    }

    /** The property (field or record component) name, e.g. {@code ipAddr}. */
    public String name() {
        return name;
    }

    /** The column name as mapped, unquoted, e.g. {@code ip_addr}. */
    public String column() {
        return column;
    }

    /** The declared Java type (may be primitive). */
    public Class<?> javaType() {
        return javaType;
    }

    /** The codec that binds and reads this column. */
    public Codec<Object> codec() {
        return codec;
    }

    /** Length, precision, scale, nullability and uniqueness. */
    public ColumnSpec spec() {
        return spec;
    }

    /** The 0-based position among the entity's mapped properties. */
    public int position() {
        return position;
    }

    public boolean isId() {
        return id;
    }

    public boolean isVersion() {
        return version;
    }

    /** Whether this is the entity's {@link SoftDelete} mark. */
    public boolean isSoftDelete() {
        return softDelete;
    }

    /** How the value is generated, or {@code null} when the application assigns it. */
    public GenerationType generation() {
        return generation;
    }

    /**
     * The reference whose foreign key this column is, or {@code null} for a plain column. Its value
     * ({@link #get}) is the referenced object's id; the field holds the object.
     */
    public RelationModel reference() {
        return reference;
    }

    public boolean isPrimitive() {
        return javaType.isPrimitive();
    }

    /** Reads the property of {@code entity}. */
    public Object get(Object entity) {
        try {
            return getter.invokeExact(entity);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingException("Cannot read " + this, e);
        }
    }

    /**
     * Writes the property of a plain-class entity; records are rebuilt by {@link EntityModel#with}.
     * Does nothing for a reference's foreign key: the loader sets the referenced object.
     */
    public void set(Object entity, Object value) {
        if (reference != null) {
            return; // the field holds the referenced object, which the loader sets
        }
        if (setter == null) {
            throw new MappingException("Cannot set " + this + ": records are immutable; build a new instance");
        }
        if (value == null && javaType.isPrimitive()) {
            throw new MappingException("Column " + column + " is NULL but " + this + " is a primitive "
                    + javaType.getName() + "; declare the field as " + boxed(javaType).getSimpleName()
                    + " or make the column NOT NULL");
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

    static Class<?> boxed(Class<?> type) {
        return io.quarry.types.Numbers.boxed(type);
    }

    @Override
    public String toString() {
        return "field '" + entityType.getSimpleName() + "." + name + "'";
    }
}
