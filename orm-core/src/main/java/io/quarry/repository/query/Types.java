package io.quarry.repository.query;

import io.quarry.types.Numbers;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the generic types of a repository interface's methods against its declaration
 * ({@code HostRepository extends CrudRepository<Host, Long>} makes {@code T} Host). Built once per
 * interface; immutable after construction.
 */
public final class Types {

    private final Map<TypeVariable<?>, Type> bindings = new HashMap<>();

    /** The bindings of every type variable in {@code type}'s interface hierarchy. */
    public Types(Class<?> type) {
        collect(type);
    }

    private void collect(Class<?> type) {
        for (Type parent : type.getGenericInterfaces()) {
            if (parent instanceof ParameterizedType parameterized) {
                Class<?> raw = (Class<?>) parameterized.getRawType();
                TypeVariable<?>[] variables = raw.getTypeParameters();
                Type[] arguments = parameterized.getActualTypeArguments();
                for (int i = 0; i < variables.length; i++) {
                    bindings.putIfAbsent(variables[i], resolve(arguments[i]));
                }
                collect(raw);
            } else if (parent instanceof Class<?> raw) {
                collect(raw);
            }
        }
    }

    /** {@code type} with every bound type variable replaced; unbound ones (method-level {@code <P>}) stay. */
    public Type resolve(Type type) {
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            return bound != null ? bound : variable;
        }
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            Type[] resolved = new Type[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                resolved[i] = resolve(arguments[i]);
            }
            return new Resolved((Class<?>) parameterized.getRawType(), resolved);
        }
        if (type instanceof WildcardType wildcard) {
            return resolve(wildcard.getUpperBounds()[0]);
        }
        return type;
    }

    /** The class of a resolved type: the raw class, a type variable's bound, an array class. */
    public static Class<?> raw(Type type) {
        if (type instanceof Class<?> clazz) {
            return clazz;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof TypeVariable<?> variable) {
            return raw(variable.getBounds()[0]);
        }
        if (type instanceof WildcardType wildcard) {
            return raw(wildcard.getUpperBounds()[0]);
        }
        if (type instanceof GenericArrayType array) {
            return java.lang.reflect.Array.newInstance(raw(array.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    /** The {@code index}th type argument of a resolved parameterized type, or {@code Object} when raw. */
    public static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length > index) {
            Type argument = parameterized.getActualTypeArguments()[index];
            return argument instanceof WildcardType wildcard ? wildcard.getUpperBounds()[0] : argument;
        }
        return Object.class;
    }

    /** {@code int} -> {@code Integer}; other types unchanged. */
    public static Class<?> boxed(Class<?> type) {
        return Numbers.boxed(type);
    }

    /** {@code List<Host>}, {@code Optional<String>}, {@code int}: for messages. */
    public static String describe(Type type) {
        if (type instanceof Class<?> clazz) {
            return clazz.isArray() ? describe(clazz.getComponentType()) + "[]" : clazz.getSimpleName();
        }
        if (type instanceof ParameterizedType parameterized) {
            StringBuilder text = new StringBuilder(describe(parameterized.getRawType())).append('<');
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                text.append(i > 0 ? ", " : "").append(describe(arguments[i]));
            }
            return text.append('>').toString();
        }
        if (type instanceof GenericArrayType array) {
            return describe(array.getGenericComponentType()) + "[]";
        }
        return type.getTypeName();
    }

    /** A parameterized type whose arguments were resolved. */
    private record Resolved(Class<?> rawType, Type[] arguments) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return rawType;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterizedType type && type.getRawType().equals(rawType)
                    && java.util.Arrays.equals(type.getActualTypeArguments(), arguments);
        }

        @Override
        public int hashCode() {
            return rawType.hashCode() * 31 + java.util.Arrays.hashCode(arguments);
        }

        @Override
        public String toString() {
            return describe(this);
        }
    }
}
