package io.quarry.session;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Takes connections from a {@link DataSource} and closes them when released. Thread-safe. */
public final class DataSourceConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;

    public DataSourceConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void releaseConnection(Connection connection) throws SQLException {
        connection.close();
    }
}
