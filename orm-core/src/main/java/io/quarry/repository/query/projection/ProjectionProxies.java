package io.quarry.repository.query.projection;

import io.quarry.repository.query.MethodHandler;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes the objects of an interface projection: a JDK proxy per row answering each getter
 * ({@code String getHostname()} or {@code String hostname()}) from the row's values (a nested
 * projection's getter from the nested object, built with the row); default methods work. The getter-to-slot map is built once. Immutable and thread-safe; the proxies are
 * immutable.
 */
final class ProjectionProxies implements Function<Object[], Object> {

    private final Class<?> type;
    private final List<String> names;
    private final Map<Method, Integer> getters;
    private final Map<Method, MethodHandler> defaults;

    /** Proxies whose values are those of {@link ProjectionTypes.Getters#names()}, in that order. */
    ProjectionProxies(Class<?> type, ProjectionTypes.Getters getters) {
        this.type = type;
        this.names = getters.names();
        this.getters = Map.copyOf(getters.getters());
        this.defaults = Map.copyOf(getters.defaults());
    }

    @Override
    public Object apply(Object[] values) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Values(values));
    }

    /** The row behind one proxy. */
    private final class Values implements InvocationHandler {

        private final Object[] values;

        Values(Object[] values) {
            this.values = values;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Integer slot = getters.get(method);
            if (slot != null) {
                return values[slot];
            }
            MethodHandler handler = defaults.get(method);
            if (handler != null) {
                return handler.invoke(proxy, args == null ? new Object[0] : args);
            }
            return switch (method.getName()) {
                case "equals" -> args[0] != null && Proxy.isProxyClass(args[0].getClass())
                        && Proxy.getInvocationHandler(args[0]) instanceof ProjectionProxies.Values other
                        && other.owner() == ProjectionProxies.this && Arrays.equals(other.values, values);
                case "hashCode" -> Arrays.hashCode(values);
                case "toString" -> describe();
                default -> throw new UnsupportedOperationException(method + " is not a getter of a selected property");
            };
        }

        private ProjectionProxies owner() {
            return ProjectionProxies.this;
        }

        private String describe() {
            StringBuilder text = new StringBuilder(type.getSimpleName()).append('{');
            for (int i = 0; i < names.size(); i++) {
                text.append(i > 0 ? ", " : "").append(names.get(i)).append('=').append(values[i]);
            }
            return text.append('}').toString();
        }
    }
}
