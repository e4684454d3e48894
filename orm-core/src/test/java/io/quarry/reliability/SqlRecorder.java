package io.quarry.reliability;

import io.quarry.session.StatementListener;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Records every SQL text that reaches the driver: as a {@link StatementListener} (statements that ran)
 * and as a wrapper around the DataSource (every text handed to {@code prepareStatement}, {@code prepareCall}
 * or a plain {@code Statement}, including statements that failed, which listeners never hear of).
 * Thread-safe.
 */
public final class SqlRecorder implements StatementListener {

    private static final Set<String> STATEMENT_TEXT = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    private final List<String> texts = new CopyOnWriteArrayList<>();

    @Override
    public void executed(String sql, int rows, long nanos) {
        texts.add(sql);
    }

    /** Every SQL text seen so far, in order (a statement that ran is seen twice: prepared and executed). */
    public List<String> texts() {
        return new ArrayList<>(texts);
    }

    /** The texts that contain {@code payload}: for a statement built from safe parts, none. */
    public List<String> containing(String payload) {
        return texts.stream().filter(sql -> sql.contains(payload)).toList();
    }

    public DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (proxy, method, args) -> {
            Object result = call(target, method, args);
            return result instanceof Connection connection ? recording(connection) : result;
        });
    }

    private Connection recording(Connection connection) {
        return proxy(Connection.class, connection, (proxy, method, args) -> {
            String name = method.getName();
            if ((name.startsWith("prepare") || name.equals("nativeSQL")) && args != null
                    && args[0] instanceof String sql) {
                texts.add(sql);
            }
            Object result = call(connection, method, args);
            if (name.equals("createStatement") && result instanceof Statement statement) {
                return recording(statement);
            }
            return result;
        });
    }

    private Statement recording(Statement statement) {
        return proxy(Statement.class, statement, (proxy, method, args) -> {
            if (STATEMENT_TEXT.contains(method.getName()) && args != null && args.length > 0
                    && args[0] instanceof String sql) {
                texts.add(sql);
            }
            return call(statement, method, args);
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
