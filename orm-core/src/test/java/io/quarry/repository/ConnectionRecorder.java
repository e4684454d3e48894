package io.quarry.repository;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Wraps a DataSource and records the transaction calls made on its connections (getConnection,
 * setAutoCommit, commit, rollback, close), so tests can show how many round trips a repository
 * call costs. Thread-safe.
 */
final class ConnectionRecorder {

    private static final Set<String> RECORDED = Set.of("setAutoCommit", "commit", "rollback", "close");

    private final List<String> calls = new CopyOnWriteArrayList<>();

    List<String> calls() {
        return calls;
    }

    void clear() {
        calls.clear();
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (proxy, method, args) -> {
            Object result = call(target, method, args);
            if (method.getName().equals("getConnection")) {
                calls.add("getConnection");
                Connection connection = (Connection) result;
                return proxy(Connection.class, connection, (inner, connectionMethod, connectionArgs) -> {
                    if (RECORDED.contains(connectionMethod.getName())) {
                        calls.add(connectionMethod.getName() + (connectionArgs == null ? "" : Arrays.toString(connectionArgs)));
                    }
                    return call(connection, connectionMethod, connectionArgs);
                });
            }
            return result;
        });
    }

    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
