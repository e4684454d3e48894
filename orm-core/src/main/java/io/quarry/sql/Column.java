package io.quarry.sql;

import io.quarry.mapping.Property;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.PropertyRefs;
import io.quarry.types.Codec;

/**
 * A mapped column, named by method reference ({@code col(Host::getPort)}) or by property name
 * ({@code col("port")}); resolved against the entity of the statement it is used in, and rejected
 * there if the model has no such property. Immutable and thread-safe.
 *
 * @param <V> the property type
 */
public final class Column<V> extends Operand<V> {

    private final Class<?> declaredOn;
    private final String name;

    private Column(Class<?> declaredOn, String name) {
        this.declaredOn = declaredOn;
        this.name = name;
    }

    static <T, V> Column<V> of(Property<T, V> property) {
        PropertyRefs.Ref ref = PropertyRefs.resolve(property);
        return new Column<>(ref.entityType(), ref.propertyName());
    }

    static <V> Column<V> named(String name) {
        if (name == null || name.isBlank()) {
            throw new io.quarry.MappingException("A column needs a property name; got '" + name + "'");
        }
        return new Column<>(null, name);
    }

    /** The property name. */
    public String name() {
        return name;
    }

    /** The entity class of a method reference, or {@code null} for a column named by string. */
    public Class<?> declaredOn() {
        return declaredOn;
    }

    /** The mapped property this column names in {@code context}'s entity. */
    public PropertyModel property(RenderContext context) {
        return context.property(declaredOn, name);
    }

    Class<?> javaType(RenderContext context) {
        return property(context).javaType();
    }

    @Override
    public void render(RenderContext context) {
        context.identifier(property(context).column());
    }

    @Override
    public Codec<Object> codec(RenderContext context) {
        return property(context).codec();
    }

    @Override
    public String label() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
