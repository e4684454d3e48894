package io.quarry.repository.support;

import io.quarry.repository.PredicateExecutor;
import io.quarry.repository.Query;
import io.quarry.repository.QueryByExampleExecutor;
import io.quarry.repository.query.MethodHandler;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The invocation handler of a repository proxy: looks the called method's handler up in a map
 * built once and runs it, told to the {@link RepositoryObserver} when there is one. Immutable and
 * thread-safe.
 */
final class RepositoryInvocationHandler implements InvocationHandler {

    private static final Object[] NO_ARGS = new Object[0];

    private final Class<?> repository;
    private final Class<?> entity;
    private final Map<Method, MethodHandler> handlers;
    private final UnaryOperator<RuntimeException> exceptionTranslator;
    private final RepositoryObserver observer;

    RepositoryInvocationHandler(Class<?> repository, Class<?> entity, Map<Method, MethodHandler> handlers,
            UnaryOperator<RuntimeException> exceptionTranslator, RepositoryObserver observer) {
        this.repository = repository;
        this.entity = entity;
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

    /** The repository's methods (not Object's), how each is implemented and the SQL it runs. */
    RepositoryDescription describe() {
        List<RepositoryDescription.Method> methods = new ArrayList<>();
        for (Map.Entry<Method, MethodHandler> entry : handlers.entrySet()) {
            Method method = entry.getKey();
            if (method.getDeclaringClass() != Object.class) {
                methods.add(new RepositoryDescription.Method(signature(method), kind(method, entry.getValue()),
                        entry.getValue().sql()));
            }
        }
        methods.sort(Comparator.comparing(RepositoryDescription.Method::signature));
        return new RepositoryDescription(repository, entity, methods);
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String kind(Method method, MethodHandler handler) {
        if (handler instanceof FragmentMethodHandler) {
            return "fragment";
        }
        if (method.isDefault()) {
            return "default";
        }
        if (method.isAnnotationPresent(Query.class)) {
            return "query";
        }
        if (method.getDeclaringClass() == QueryByExampleExecutor.class
                || method.getDeclaringClass() == PredicateExecutor.class) {
            return "executor";
        }
        return CrudMethods.isBase(method) ? "crud" : "derived";
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
