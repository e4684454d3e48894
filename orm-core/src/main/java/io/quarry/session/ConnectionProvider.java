package io.quarry.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where sessions get their connections. The default takes them from a {@link javax.sql.DataSource}
 * and lets the session run the transaction; the Spring starter hands in connections bound to the
 * current Spring transaction instead ({@link #managesTransactions()} true), so the session never
 * commits or rolls them back itself. Implementations must be thread-safe.
 */
public interface ConnectionProvider {

    /** A connection for one session's unit of work. */
    Connection getConnection() throws SQLException;

    /** Gives back a connection obtained from {@link #getConnection()}. */
    void releaseConnection(Connection connection) throws SQLException;

    /**
     * Whether transactions are begun, committed and rolled back by someone else (Spring). When
     * true, the session neither changes auto-commit nor calls commit/rollback on the connection.
     */
    default boolean managesTransactions() {
        return false;
    }

    /**
     * Called for every statement before it runs: where the provider's transaction has a deadline
     * (Spring's {@code @Transactional(timeout = ...)}), shortens the statement's query timeout to
     * the time left, as {@code DataSourceUtils.applyTransactionTimeout} does; never lengthens it.
     */
    default void applyTimeout(Statement statement) throws SQLException {
    }
}
