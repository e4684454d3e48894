package io.quarry.mapping;

import io.quarry.MappingException;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Resolves a {@link Property} method reference to its entity class and property name, once per
 * lambda class: the JVM spins one class per method-reference call site, so the class stands for the
 * reference. Kept in a {@link ClassValue}, which does not keep the lambda classes (and their class
 * loaders) reachable as a map keyed by them would. Thread-safe.
 */
public final class PropertyRefs {

    /** The entity class and property name a method reference points at. */
    public record Ref(Class<?> entityType, String propertyName) {
    }

    /**
     * One slot per lambda class, filled at the first resolution (which needs an instance, so it cannot
     * happen in {@code computeValue}); a {@link Ref} has only final fields, so a racing reader sees it
     * whole or sees null and resolves again.
     */
    private static final ClassValue<Ref[]> RESOLVED = new ClassValue<>() {
        @Override
        protected Ref[] computeValue(Class<?> lambdaClass) {
            return new Ref[1];
        }
    };

    private PropertyRefs() {
    }

    /** The entity class and property name of a method reference such as {@code Host::getPort}. */
    public static Ref resolve(Property<?, ?> property) {
        Ref[] slot = RESOLVED.get(property.getClass());
        Ref ref = slot[0];
        if (ref == null) {
            ref = resolveUncached(property);
            slot[0] = ref;
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
