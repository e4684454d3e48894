package io.quarry.repository.support;

import io.quarry.repository.query.MethodHandler;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The invocation handler of a repository proxy: looks the called method's handler up in a map
 * built once and runs it, told to the {@link RepositoryObserver} when there is one. Immutable and
 * thread-safe.
 */
final class RepositoryInvocationHandler implements InvocationHandler {

    private static final Object[] NO_ARGS = new Object[0];

    private final Class<?> repository;
    private final Map<Method, MethodHandler> handlers;
    private final UnaryOperator<RuntimeException> exceptionTranslator;
    private final RepositoryObserver observer;

    RepositoryInvocationHandler(Class<?> repository, Map<Method, MethodHandler> handlers,
            UnaryOperator<RuntimeException> exceptionTranslator, RepositoryObserver observer) {
        this.repository = repository;
        this.handlers = Map.copyOf(handlers);
        this.exceptionTranslator = exceptionTranslator;
        this.observer = observer;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        MethodHandler handler = handlers.get(method);
        if (handler == null) {
            throw new IllegalStateException("The proxy of " + repository.getName() + " has no handler for " + method);
        }
        if (observer == null || method.getDeclaringClass() == Object.class) {
            try {
                return handler.invoke(proxy, args == null ? NO_ARGS : args);
            } catch (RuntimeException e) {
                throw exceptionTranslator.apply(e);
            }
        }
        return observed(observer.started(repository, method), handler, proxy, args);
    }

    private Object observed(RepositoryObserver.Invocation invocation, MethodHandler handler, Object proxy,
            Object[] args) throws Throwable {
        Object result;
        try {
            result = handler.invoke(proxy, args == null ? NO_ARGS : args);
        } catch (RuntimeException e) {
            RuntimeException translated = exceptionTranslator.apply(e);
            invocation.failed(translated);
            throw translated;
        } catch (Throwable e) {
            invocation.failed(e);
            throw e;
        }
        invocation.succeeded();
        return result;
    }
}
