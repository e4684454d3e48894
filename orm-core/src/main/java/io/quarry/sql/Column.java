package io.quarry.sql;

import io.quarry.QuarryException;
import io.quarry.MappingException;
import io.quarry.mapping.Property;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.PropertyRefs;
import io.quarry.types.Codec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A mapped column, named by method reference ({@code col(Host::getPort)}) or by property name
 * ({@code col("port")}); resolved against the entity of the statement it is used in, and rejected
 * there if the model has no such property. A column may lie at the end of a path of to-one
 * relations ({@code path(Host::getDatacenter, Datacenter::getRegion)}, {@code col("datacenter.region")}),
 * which the statement reaches through a LEFT JOIN per relation. Immutable and thread-safe.
 *
 * @param <V> the property type
 */
public final class Column<V> extends Operand<V> {

    /** The relation names before the property; empty for a column of the statement's own entity. */
    private final List<String> path;
    /** The class declaring each relation of {@link #path} (null entries where named by string). */
    private final List<Class<?>> owners;
    private final Class<?> declaredOn;
    private final String name;

    private Column(List<String> path, List<Class<?>> owners, Class<?> declaredOn, String name) {
        this.path = List.copyOf(path);
        // owners may hold nulls, which List.copyOf refuses
        this.owners = owners.isEmpty() ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(owners));
        this.declaredOn = declaredOn;
        this.name = name;
    }

    static <T, V> Column<V> of(Property<T, V> property) {
        PropertyRefs.Ref ref = PropertyRefs.resolve(property);
        return new Column<>(List.of(), List.of(), ref.entityType(), ref.propertyName());
    }

    /** The column at the end of {@code steps}: relations, then the property. */
    static <V> Column<V> path(List<Property<?, ?>> steps) {
        List<String> path = new ArrayList<>();
        List<Class<?>> owners = new ArrayList<>();
        for (int i = 0; i < steps.size() - 1; i++) {
            PropertyRefs.Ref ref = PropertyRefs.resolve(steps.get(i));
            path.add(ref.propertyName());
            owners.add(ref.entityType());
        }
        PropertyRefs.Ref last = PropertyRefs.resolve(steps.get(steps.size() - 1));
        return new Column<>(path, owners, last.entityType(), last.propertyName());
    }

    static <V> Column<V> named(String name) {
        if (name == null || name.isBlank()) {
            throw new io.quarry.MappingException("A column needs a property name; got '" + name + "'");
        }
        if (name.indexOf('.') < 0) {
            return new Column<>(List.of(), List.of(), null, name);
        }
        List<String> parts = Arrays.asList(name.split("\\.", -1));
        if (parts.stream().anyMatch(String::isBlank)) {
            throw new QuarryException("Path '" + name + "' has an empty step; write relation names and a property "
                    + "separated by single dots, e.g. \"datacenter.region\"");
        }
        List<String> path = parts.subList(0, parts.size() - 1);
        return new Column<>(path, java.util.Collections.nCopies(path.size(), null), null, parts.get(parts.size() - 1));
    }

    /** The property name (the last step of a path). */
    public String name() {
        return name;
    }

    /** The entity class of a method reference, or {@code null} for a column named by string. */
    public Class<?> declaredOn() {
        return declaredOn;
    }

    /**
     * The entity class the column starts from: the first relation's for a path, else
     * {@link #declaredOn()}; {@code null} when named by string.
     */
    public Class<?> rootType() {
        return owners.isEmpty() ? declaredOn : owners.get(0);
    }

    /** The mapped property this column names in {@code context}'s entity (or at the end of its path). */
    public PropertyModel property(RenderContext context) {
        return resolve(context).property();
    }

    private record Resolved(String qualifier, PropertyModel property) {
    }

    private Resolved resolve(RenderContext context) {
        Scope scope = context.scope();
        if (path.isEmpty()) {
            return new Resolved(scope.qualifier(), context.property(declaredOn, name));
        }
        Scope.Join join = scope.join(path, owners, label(), context.models());
        Class<?> reached = join.model().type();
        if (declaredOn != null && !declaredOn.isAssignableFrom(reached) && !reached.isAssignableFrom(declaredOn)) {
            throw new MappingException("Path '" + label() + "' reaches " + reached.getSimpleName() + ", but "
                    + declaredOn.getSimpleName() + "." + name + " belongs to " + declaredOn.getSimpleName());
        }
        return new Resolved(join.alias() + ".", Scope.property(join.model(), name, label()));
    }

    Class<?> javaType(RenderContext context) {
        return property(context).javaType();
    }

    @Override
    public void render(RenderContext context) {
        Resolved resolved = resolve(context);
        context.append(resolved.qualifier()).identifier(resolved.property().column());
    }

    @Override
    public Codec<Object> codec(RenderContext context) {
        return property(context).codec();
    }

    @Override
    void shape(StatementShape shape) {
        shape.token(Column.class).token(path).token(owners).token(declaredOn).token(name);
    }

    /** The property name; for a path, the relation names and the property joined with dots. */
    @Override
    public String label() {
        return path.isEmpty() ? name : String.join(".", path) + "." + name;
    }

    @Override
    public String toString() {
        return label();
    }
}
