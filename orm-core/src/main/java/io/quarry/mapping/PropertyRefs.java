package io.quarry.mapping;

import io.quarry.MappingException;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Resolves a {@link Property} method reference to its entity class and property name, once per
 * lambda class (a concurrent map keyed by the lambda class). Thread-safe.
 */
public final class PropertyRefs {

    /** The entity class and property name a method reference points at. */
    public record Ref(Class<?> entityType, String propertyName) {
    }

    private static final ConcurrentMap<Class<?>, Ref> RESOLVED = new ConcurrentHashMap<>();

    private PropertyRefs() {
    }

    /** The entity class and property name of a method reference such as {@code Host::getPort}. */
    public static Ref resolve(Property<?, ?> property) {
        Ref ref = RESOLVED.get(property.getClass());
        if (ref == null) {
            ref = resolveUncached(property);
            RESOLVED.putIfAbsent(property.getClass(), ref);
        }
        return ref;
    }

    private static Ref resolveUncached(Property<?, ?> property) {
        SerializedLambda lambda = serialized(property);
        String implName = lambda.getImplMethodName();
        if (implName.startsWith("lambda$")) {
            throw new MappingException("A property reference must be a method reference to a getter or record accessor "
                    + "(Host::getPort, Host::port), not a lambda expression; for classes without getters, name the "
                    + "property as a string (\"port\")");
        }
        String signature = lambda.getInstantiatedMethodType();
        String owner = signature.substring(signature.indexOf("(L") + 2, signature.indexOf(';')).replace('/', '.');
        try {
            Class<?> entityType = Class.forName(owner, false, property.getClass().getClassLoader());
            return new Ref(entityType, Names.propertyOfAccessor(implName));
        } catch (ClassNotFoundException e) {
            throw new MappingException("Cannot load class " + owner + " of property reference " + implName, e);
        }
    }

    private static SerializedLambda serialized(Property<?, ?> property) {
        try {
            Method writeReplace = property.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return (SerializedLambda) writeReplace.invoke(property);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException("Cannot resolve property reference " + property
                    + "; pass a method reference such as Host::getPort", e);
        }
    }
}
