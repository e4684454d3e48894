package io.quarry.repository.query.projection;

import io.quarry.QuarryException;
import io.quarry.mapping.Names;
import io.quarry.repository.query.DefaultMethodHandler;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.MethodHandler;
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
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What a projection type is made of, read once by reflection while a method is resolved: the
 * getters of an interface, the constructors of a record or class with their parameter names, and
 * a spreading handle to call one. Stateless.
 */
final class ProjectionTypes {

    /**
     * The getters of a projection interface.
     *
     * @param names the property name of each distinct getter, in column order
     * @param types the declared type of each
     * @param getters each getter method to its index in {@code names}
     * @param defaults the default methods
     */
    record Getters(List<String> names, List<Class<?>> types, Map<Method, Integer> getters,
            Map<Method, MethodHandler> defaults) {
    }

    private ProjectionTypes() {
    }

    /** The getters of {@code type}, ordered by {@code position} of their property name, then by name. */
    static Getters getters(Class<?> type, ToIntFunction<String> position) {
        List<String> names = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        Map<Method, Integer> getters = new HashMap<>();
        Map<Method, MethodHandler> defaults = new HashMap<>();
        List<Method> methods = new ArrayList<>(Arrays.asList(type.getMethods()));
        // getMethods() has no fixed order: select the columns in the entity's property order
        methods.sort(Comparator.comparingInt((Method method) -> position.applyAsInt(
                Names.propertyOfAccessor(method.getName()))).thenComparing(Method::getName));
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
        return new Getters(List.copyOf(names), List.copyOf(types), getters, defaults);
    }

    /** Refuses a type no constructor can build; {@code entity} names the repository's entity in the message. */
    static void checkConstructible(Class<?> type, Class<?> entity) {
        if (type.isPrimitive() || type.isArray() || type.isEnum() || Modifier.isAbstract(type.getModifiers())) {
            throw new InvalidQueryMethodException("its result type " + type.getSimpleName() + " is neither "
                    + entity.getSimpleName() + ", a value with a codec, an interface nor a record or class to build");
        }
    }

    /** The error when {@code type} has no constructor with parameters. */
    static InvalidQueryMethodException noConstructor(Class<?> type, Class<?> entity) {
        return new InvalidQueryMethodException("its result type " + type.getSimpleName() + " has no constructor with "
                + "parameters, nor a no-argument constructor with setters or fields, to build it from the selected "
                + "columns; use a record whose components are named like " + entity.getSimpleName() + "'s properties");
    }

    /** A record's canonical constructor; a class's constructors with parameters, the largest first. */
    static List<Constructor<?>> constructors(Class<?> type) {
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

    /** The names of {@code constructor}'s parameters: a record's components, else compiled with -parameters. */
    static String[] names(Class<?> type, Constructor<?> constructor) {
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

    /** Builds a {@code type} from its constructor's argument values. */
    static Function<Object[], Object> constructing(Class<?> type, Constructor<?> constructor) {
        MethodHandle handle = handle(type, constructor);
        return values -> {
            try {
                return handle.invokeExact(values);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new QuarryException("The constructor of " + type.getSimpleName() + " failed: " + e, e);
            }
        };
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
