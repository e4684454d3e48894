package io.quarry.bench.aggregate;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as every aggregate contender sees it: while {@link #count} runs, connections are wrapped in a JDK
 * proxy that counts the statements sent (each {@code execute}, {@code executeQuery}, {@code executeUpdate}
 * and {@code executeBatch} call is one; a batch is one, whatever its rows); otherwise {@code getConnection}
 * hands out the pool's connection untouched, so the measured calls pay one volatile read. Thread-safe.
 */
public final class CountingDataSource implements DataSource {

    private final DataSource pool;
    private final AtomicLong statements = new AtomicLong();
    private volatile boolean counting;

    public CountingDataSource(DataSource pool) {
        this.pool = pool;
    }

    /** Runs {@code work} with counting on; returns the number of statements it sent. */
    public synchronized long count(Supplier<?> work) {
        statements.set(0);
        counting = true;
        try {
            work.get();
        } finally {
            counting = false;
        }
        return statements.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counting ? counted(pool.getConnection()) : pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counting ? counted(pool.getConnection(username, password)) : pool.getConnection(username, password);
    }

    private Connection counted(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Forwarding(connection, true));
    }

    private final class Forwarding implements InvocationHandler {

        private final Object target;
        private final boolean connection;

        Forwarding(Object target, boolean connection) {
            this.target = target;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (!connection && name.startsWith("execute")) {
                statements.incrementAndGet();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (connection && result instanceof Statement statement) {
                Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                        : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type},
                        new Forwarding(statement, false));
            }
            return result;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
