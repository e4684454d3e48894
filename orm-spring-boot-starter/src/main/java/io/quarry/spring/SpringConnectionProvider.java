package io.quarry.spring;

import io.quarry.session.ConnectionProvider;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

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

    @Override
    public String toString() {
        return "SpringConnectionProvider[" + dataSource + "]";
    }
}
