package io.quarry.repository.support;

import io.quarry.repository.query.MethodHandler;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The invocation handler of a repository proxy: looks the called method's handler up in a map
 * built once and runs it; nothing else. Immutable and thread-safe.
 */
final class RepositoryInvocationHandler implements InvocationHandler {

    private static final Object[] NO_ARGS = new Object[0];

    private final Class<?> repository;
    private final Map<Method, MethodHandler> handlers;
    private final UnaryOperator<RuntimeException> exceptionTranslator;

    RepositoryInvocationHandler(Class<?> repository, Map<Method, MethodHandler> handlers,
            UnaryOperator<RuntimeException> exceptionTranslator) {
        this.repository = repository;
        this.handlers = Map.copyOf(handlers);
        this.exceptionTranslator = exceptionTranslator;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        MethodHandler handler = handlers.get(method);
        if (handler == null) {
            throw new IllegalStateException("The proxy of " + repository.getName() + " has no handler for " + method);
        }
        try {
            return handler.invoke(proxy, args == null ? NO_ARGS : args);
        } catch (RuntimeException e) {
            throw exceptionTranslator.apply(e);
        }
    }
}
