package io.quarry.repository.query;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/**
 * Calls an interface's {@code default} method on a proxy. The method handle is made once, through
 * {@link MethodHandles#privateLookupIn} and {@code unreflectSpecial}, so package-private interfaces
 * work; where the interface's module does not open it, {@link InvocationHandler#invokeDefault} is
 * used instead. Immutable and thread-safe.
 */
public final class DefaultMethodHandler implements MethodHandler {

    private final Method method;
    private final MethodHandle handle;

    private DefaultMethodHandler(Method method, MethodHandle handle) {
        this.method = method;
        this.handle = handle;
    }

    public static DefaultMethodHandler of(Method method) {
        Class<?> declaring = method.getDeclaringClass();
        MethodHandle handle;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(declaring, MethodHandles.lookup());
            handle = lookup.unreflectSpecial(method, declaring)
                    .asSpreader(Object[].class, method.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
        } catch (IllegalAccessException e) {
            handle = null;
        }
        return new DefaultMethodHandler(method, handle);
    }

    @Override
    public Object invoke(Object proxy, Object[] args) throws Throwable {
        if (handle != null) {
            return handle.invokeExact(proxy, args);
        }
        return InvocationHandler.invokeDefault(proxy, method, args);
    }
}
