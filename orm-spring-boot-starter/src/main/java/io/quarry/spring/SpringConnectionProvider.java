package io.quarry.spring;

import io.quarry.session.ConnectionProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Connections through {@link DataSourceUtils}: inside a Spring transaction, the transaction's own
 * connection, so that Quarry, {@code JdbcTemplate} and {@code JdbcClient} share one connection and
 * one transaction; outside, a connection of the pool in auto-commit mode. Sessions never commit,
 * roll back or change auto-commit on these connections: Spring's transaction manager does.
 * Thread-safe.
 *
 * <p>Where the DataSource is (or wraps) a {@link LazyConnectionDataSourceProxy}, which is how Spring
 * sends read-only work to a read replica ({@code quarry.replicas} sets one up), the connections of
 * reads outside a transaction are marked read-only before their first statement, so that they go
 * to the read-only DataSource as a {@code @Transactional(readOnly = true)} method's do.
 */
public final class SpringConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;
    private final ConnectionProvider readsOutsideTransactions;

    public SpringConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
        this.readsOutsideTransactions = routesReadOnlyConnections(dataSource) ? new ReadOnlyConnections(this) : this;
    }

    private static boolean routesReadOnlyConnections(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(LazyConnectionDataSourceProxy.class);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The connections of a short read outside any transaction (never bound to a thread, so marking
     * one changes nothing else): read-only ones where the DataSource routes those to a replica,
     * else this provider's own.
     */
    public ConnectionProvider readsOutsideTransactions() {
        return readsOutsideTransactions;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DataSourceUtils.doGetConnection(dataSource);
    }

    @Override
    public void releaseConnection(Connection connection) throws SQLException {
        DataSourceUtils.doReleaseConnection(connection, dataSource);
    }

    @Override
    public boolean managesTransactions() {
        return true;
    }

    /**
     * Shortens the statement's query timeout to what is left of the current transaction's timeout
     * ({@code @Transactional(timeout = ...)}), as {@code JdbcTemplate} does; a transaction already
     * past its deadline fails here with Spring's {@code TransactionTimedOutException}.
     */
    @Override
    public void applyTimeout(Statement statement) throws SQLException {
        if (TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder
                && holder.hasTimeout()) {
            int left = holder.getTimeToLiveInSeconds();
            int own = statement.getQueryTimeout();
            if (own <= 0 || left < own) {
                statement.setQueryTimeout(left);
            }
        }
    }

    @Override
    public String toString() {
        return "SpringConnectionProvider[" + dataSource + "]";
    }

    /** This provider's connections, marked read-only before they are handed out. */
    private record ReadOnlyConnections(SpringConnectionProvider provider) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = provider.getConnection();
            try {
                connection.setReadOnly(true);
            } catch (SQLException | RuntimeException e) {
                provider.releaseConnection(connection);
                throw e;
            }
            return connection;
        }

        @Override
        public void releaseConnection(Connection connection) throws SQLException {
            provider.releaseConnection(connection);
        }

        @Override
        public boolean managesTransactions() {
            return true;
        }

        @Override
        public void applyTimeout(Statement statement) throws SQLException {
            provider.applyTimeout(statement);
        }

        @Override
        public String toString() {
            return "read-only " + provider;
        }
    }
}
