package io.quarry.spring;

import io.quarry.session.ConnectionProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Connections through {@link DataSourceUtils}: inside a Spring transaction, the transaction's own
 * connection, so that Quarry, {@code JdbcTemplate} and {@code JdbcClient} share one connection and
 * one transaction; outside, a connection of the pool in auto-commit mode. Sessions never commit,
 * roll back or change auto-commit on these connections: Spring's transaction manager does.
 * Thread-safe.
 */
public final class SpringConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;

    public SpringConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
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
}
