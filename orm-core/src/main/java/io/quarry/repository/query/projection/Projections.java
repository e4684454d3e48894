package io.quarry.repository.query.projection;

import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.Names;
import io.quarry.mapping.PropertyModel;
import io.quarry.repository.query.Coercions;
import io.quarry.repository.query.DefaultMethodHandler;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.MethodHandler;
import io.quarry.repository.query.Types;
import io.quarry.repository.query.parse.PropertyNames;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Decides how a query method's element type is read: the repository's entity, one property (a
 * type with a codec), an interface of getters, or a DTO built through its constructor. Derived
 * queries select only the properties a projection names; hand-written SQL is matched by column
 * label. Stateless apart from its model; thread-safe.
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
        return element.isInterface() ? forInterface(element, true) : forConstructor(element, true);
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
        return element.isInterface() ? forInterface(element, false) : forConstructor(element, false);
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

    private Projection forConstructor(Class<?> type, boolean derived) {
        if (type.isPrimitive() || type.isArray() || type.isEnum() || Modifier.isAbstract(type.getModifiers())) {
            throw new InvalidQueryMethodException("its result type " + type.getSimpleName() + " is neither "
                    + model.type().getSimpleName() + ", a value with a codec, an interface nor a record or class to build");
        }
        List<Constructor<?>> candidates = constructors(type);
        InvalidQueryMethodException first = null;
        for (Constructor<?> constructor : candidates) {
            try {
                Slots slots = slots(type, names(type, constructor), constructor.getParameterTypes(), derived);
                return MappedProjection.constructing(type, slots, handle(type, constructor));
            } catch (InvalidQueryMethodException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        throw new InvalidQueryMethodException("its result type " + type.getSimpleName() + " has no constructor with "
                + "parameters to build it from the selected columns; use a record whose components are named like "
                + model.type().getSimpleName() + "'s properties");
    }

    private static List<Constructor<?>> constructors(Class<?> type) {
        if (type.isRecord()) {
            Class<?>[] components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            try {
                return List.of(type.getDeclaredConstructor(components));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record without canonical constructor: " + type, e);
            }
        }
        return Arrays.stream(type.getDeclaredConstructors()).filter(c -> c.getParameterCount() > 0)
                .sorted(Comparator.comparingInt((Constructor<?> c) -> c.getParameterCount()).reversed())
                .toList();
    }

    private static String[] names(Class<?> type, Constructor<?> constructor) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
        }
        Parameter[] parameters = constructor.getParameters();
        String[] names = new String[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isNamePresent()) {
                throw new InvalidQueryMethodException("the constructor parameters of " + type.getSimpleName()
                        + " have no names (" + parameters[i].getName() + "); compile with -parameters "
                        + "(maven-compiler-plugin <parameters>true</parameters>) or make " + type.getSimpleName()
                        + " a record");
            }
            names[i] = parameters[i].getName();
        }
        return names;
    }

    private Projection forInterface(Class<?> type, boolean derived) {
        List<String> names = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        Map<Method, Integer> getters = new HashMap<>();
        Map<Method, MethodHandler> defaults = new HashMap<>();
        List<Method> methods = new ArrayList<>(Arrays.asList(type.getMethods()));
        // getMethods() has no fixed order: select the columns in the entity's property order
        methods.sort(Comparator.comparingInt((Method method) -> position(method)).thenComparing(Method::getName));
        for (Method method : methods) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            if (method.isDefault()) {
                defaults.put(method, DefaultMethodHandler.of(method));
                continue;
            }
            if (method.getParameterCount() > 0 || method.getReturnType() == void.class) {
                throw new InvalidQueryMethodException("projection interface " + type.getSimpleName() + " declares "
                        + method.getName()
                        + Arrays.toString(method.getParameterTypes()).replace('[', '(').replace(']', ')')
                        + ", which is not a getter; give it a default body or remove it");
            }
            String name = Names.propertyOfAccessor(method.getName());
            int existing = names.indexOf(name);
            if (existing < 0) {
                existing = names.size();
                names.add(name);
                types.add(method.getReturnType());
            }
            getters.put(method, existing);
        }
        Slots slots = slots(type, names.toArray(String[]::new), types.toArray(Class<?>[]::new), derived);
        return MappedProjection.of(slots, new ProjectionProxies(type, slots, getters, defaults));
    }

    private int position(Method method) {
        PropertyModel property = PropertyNames.find(model, Names.propertyOfAccessor(method.getName()));
        return property == null ? Integer.MAX_VALUE : property.position();
    }

    private Slots slots(Class<?> type, String[] names, Class<?>[] types, boolean derived) {
        List<Slots.Slot> slots = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            slots.add(derived ? propertySlot(type, names[i], types[i]) : labelSlot(type, names[i], types[i]));
        }
        return new Slots(type.getSimpleName(), slots);
    }

    private Slots.Slot propertySlot(Class<?> type, String name, Class<?> javaType) {
        PropertyModel property = PropertyNames.find(model, name);
        if (property == null) {
            throw new InvalidQueryMethodException("'" + name + "' of " + type.getSimpleName() + " names no property of "
                    + model.type().getSimpleName() + Names.didYouMean(name, propertyNames()));
        }
        if (Coercions.converter(property.javaType(), javaType, name) == null) {
            throw new InvalidQueryMethodException("'" + name + "' of " + type.getSimpleName() + " is "
                    + javaType.getSimpleName() + " but property '" + property.name() + "' is "
                    + property.javaType().getSimpleName() + "; declare it as "
                    + Types.boxed(property.javaType()).getSimpleName());
        }
        return Slots.Slot.of(name, property, property.codec(), javaType);
    }

    private Slots.Slot labelSlot(Class<?> type, String name, Class<?> javaType) {
        PropertyModel property = PropertyNames.find(model, name);
        if (property != null && Types.boxed(property.javaType()) == Types.boxed(javaType)) {
            return Slots.Slot.of(name, property, property.codec(), javaType);
        }
        Codec<Object> codec = codec(javaType);
        if (codec == null) {
            throw new InvalidQueryMethodException("'" + name + "' of " + type.getSimpleName() + " has type "
                    + javaType.getName() + ", which no codec reads; register a codec for it or change the type");
        }
        return Slots.Slot.of(name, property, codec, javaType);
    }

    private List<String> propertyNames() {
        return model.properties().stream().map(PropertyModel::name).toList();
    }

    @SuppressWarnings("unchecked")
    Codec<Object> codec(Class<?> type) {
        return (Codec<Object>) codecs.lookup(type, false);
    }

    private static MethodHandle handle(Class<?> type, Constructor<?> constructor) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            return lookup.unreflectConstructor(constructor)
                    .asSpreader(Object[].class, constructor.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException e) {
            throw new InvalidQueryMethodException("the constructor of " + type.getName() + " cannot be called ("
                    + e.getMessage() + "); make it public or open its package");
        }
    }
}
