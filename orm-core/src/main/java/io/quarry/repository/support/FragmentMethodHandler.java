package io.quarry.repository.support;

import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.MethodHandler;
import io.quarry.repository.query.Types;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Calls the method of a fragment object (a custom implementation such as
 * {@code HostRepositoryCustomImpl}) that implements a repository method, through a method handle
 * bound once. Immutable and thread-safe when the fragment is.
 */
final class FragmentMethodHandler implements MethodHandler {

    private final MethodHandle handle;

    private FragmentMethodHandler(MethodHandle handle) {
        this.handle = handle;
    }

    /**
     * The handler for {@code method} if {@code fragment} has a public method of that name taking the
     * same arguments (exactly, or supertypes of them); otherwise null.
     */
    static FragmentMethodHandler find(Object fragment, Method method) {
        Method best = null;
        for (Method candidate : fragment.getClass().getMethods()) {
            if (!matches(candidate, method)) {
                continue;
            }
            if (Arrays.equals(candidate.getParameterTypes(), method.getParameterTypes())) {
                best = candidate;
                break;
            }
            if (best == null) {
                best = candidate;
            }
        }
        return best == null ? null : new FragmentMethodHandler(bind(fragment, best));
    }

    private static boolean matches(Method candidate, Method method) {
        if (!candidate.getName().equals(method.getName()) || candidate.getDeclaringClass() == Object.class
                || Modifier.isStatic(candidate.getModifiers()) || candidate.isBridge()
                || candidate.getParameterCount() != method.getParameterCount()) {
            return false;
        }
        Class<?>[] wanted = method.getParameterTypes();
        Class<?>[] offered = candidate.getParameterTypes();
        for (int i = 0; i < wanted.length; i++) {
            if (!Types.boxed(offered[i]).isAssignableFrom(Types.boxed(wanted[i]))) {
                return false;
            }
        }
        return Types.boxed(method.getReturnType()).isAssignableFrom(Types.boxed(candidate.getReturnType()))
                || method.getReturnType() == void.class;
    }

    private static MethodHandle bind(Object fragment, Method method) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(method.getDeclaringClass(), MethodHandles.lookup());
            return lookup.unreflect(method).bindTo(fragment)
                    .asSpreader(Object[].class, method.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException e) {
            throw new InvalidQueryMethodException("its implementation " + method + " in fragment "
                    + fragment.getClass().getName() + " cannot be called (" + e.getMessage()
                    + "); make the fragment class public or open its package");
        }
    }

    @Override
    public Object invoke(Object proxy, Object[] args) throws Throwable {
        return handle.invokeExact(args);
    }
}
