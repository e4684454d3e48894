package io.quarry.repository.query.projection;

import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.PropertyModel;
import io.quarry.repository.query.Coercions;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.Types;
import io.quarry.repository.query.parse.PropertyNames;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Decides how a query method's element type is read: the repository's entity, one property (a
 * type with a codec), an interface of getters, or a DTO built through its constructor. Derived
 * queries select only the columns a projection names, through to-one relations too
 * ({@link ProjectionShapes}); hand-written SQL is matched by column label. Stateless apart from its
 * model; thread-safe.
 */
public final class Projections {

    private final EntityModel<?> model;
    private final ModelRegistry models;
    private final CodecRegistry codecs;

    public Projections(EntityModel<?> model, ModelRegistry models) {
        this.model = model;
        this.models = models;
        this.codecs = models.codecs();
    }

    /** The projection of a derived query; {@code subject} is the property named between verb and By, or null. */
    public Projection derived(Class<?> element, String subject) {
        if (element.isAssignableFrom(model.type())) {
            return new EntityProjection(model);
        }
        if (codec(element) != null) {
            return scalar(element, subject);
        }
        if (element.isAnnotationPresent(Entity.class)) {
            throw new InvalidQueryMethodException("it returns " + element.getSimpleName() + " entities but queries "
                    + model.type().getSimpleName() + "; declare the method in the repository of "
                    + element.getSimpleName() + " (a path reaches back, e.g. find...By" + model.type().getSimpleName()
                    + "s...), or return a projection of " + model.type().getSimpleName());
        }
        // one resolution per type: dynamic projections may resolve types on several threads at once
        return new ProjectionShapes(model, models, this::codec).derived(element);
    }

    /** The projection of hand-written SQL. */
    public Projection handWritten(Class<?> element) {
        if (element.isAssignableFrom(model.type())) {
            return new EntityProjection(model);
        }
        if (element.isAnnotationPresent(Entity.class)) {
            return new EntityProjection(models.model(element));
        }
        Codec<Object> codec = codec(element);
        if (codec != null) {
            return MappedProjection.scalar(null, codec, Coercions.identity());
        }
        return element.isInterface() ? byLabelInterface(element) : byLabelConstructor(element);
    }

    private Projection scalar(Class<?> element, String subject) {
        if (subject == null) {
            throw new InvalidQueryMethodException("it returns " + element.getSimpleName() + " values but names no "
                    + "property to select; put the property between the verb and By, e.g. find"
                    + (element == String.class ? "Hostname" : "Port") + "By...");
        }
        PropertyModel property = PropertyNames.resolve(model, subject);
        UnaryOperator<Object> convert = Coercions.converter(property.javaType(), element,
                "property '" + property.name() + "'");
        if (convert == null) {
            throw new InvalidQueryMethodException("it returns " + element.getSimpleName() + " but property '"
                    + property.name() + "' of " + model.type().getSimpleName() + " is " + property.javaType().getSimpleName()
                    + "; declare the result as " + Types.boxed(property.javaType()).getSimpleName());
        }
        return MappedProjection.scalar(property, property.codec(), convert);
    }

    private Projection byLabelConstructor(Class<?> type) {
        ProjectionTypes.checkConstructible(type, model.type());
        InvalidQueryMethodException first = null;
        for (Constructor<?> constructor : ProjectionTypes.constructors(type)) {
            try {
                Slots slots = labelSlots(type, ProjectionTypes.names(type, constructor), constructor.getParameterTypes());
                return MappedProjection.of(slots, ProjectionTypes.constructing(type, constructor));
            } catch (InvalidQueryMethodException e) {
                first = first == null ? e : first;
            }
        }
        SetterDtos.Shape bean = SetterDtos.of(type);
        if (bean != null) {
            try {
                return MappedProjection.of(labelSlots(type, bean.names(), bean.types()), bean.builder());
            } catch (InvalidQueryMethodException e) {
                first = first == null ? e : first;
            }
        }
        throw first != null ? first : ProjectionTypes.noConstructor(type, model.type());
    }

    private Projection byLabelInterface(Class<?> type) {
        ProjectionTypes.Getters getters = ProjectionTypes.getters(type, this::position);
        Slots slots = labelSlots(type, getters.names().toArray(String[]::new), getters.types().toArray(Class<?>[]::new));
        Function<Object[], Object> proxies = new ProjectionProxies(type, getters);
        return MappedProjection.of(slots, proxies);
    }

    private int position(String name) {
        PropertyModel property = PropertyNames.find(model, name);
        return property == null ? Integer.MAX_VALUE : property.position();
    }

    private Slots labelSlots(Class<?> type, String[] names, Class<?>[] types) {
        List<Slots.Slot> slots = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            slots.add(labelSlot(type, names[i], types[i]));
        }
        return new Slots(type.getSimpleName(), slots);
    }

    private Slots.Slot labelSlot(Class<?> type, String name, Class<?> javaType) {
        PropertyModel property = PropertyNames.find(model, name);
        if (property != null && Types.boxed(property.javaType()) == Types.boxed(javaType)) {
            return Slots.Slot.of(name, property, property.codec(), javaType);
        }
        Codec<Object> codec = codec(javaType);
        if (codec == null) {
            throw new InvalidQueryMethodException("'" + name + "' of " + type.getSimpleName() + " has type "
                    + javaType.getName() + ", which no codec reads; register a codec for it or change the type"
                    + (javaType.isInterface() || javaType.isRecord() ? " (nested projections are read by derived "
                            + "queries, which join their relations; @Query SQL maps flat columns by label)" : ""));
        }
        return Slots.Slot.of(name, property, codec, javaType);
    }

    @SuppressWarnings("unchecked")
    Codec<Object> codec(Class<?> type) {
        return (Codec<Object>) codecs.lookup(type, false);
    }
}
