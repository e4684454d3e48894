package io.quarry.session;

import io.quarry.QuarryException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection of one session's transaction: taken from the provider on first use (auto-commit
 * turned off unless the provider runs transactions or the session is in auto-commit mode),
 * committed or rolled back only when the session owns the transaction, and given back at the end.
 * Not thread-safe; owned by its session.
 */
final class SessionConnection {

    private final Engine engine;
    private final ConnectionProvider provider;
    private final boolean ownsTransaction;
    private final boolean autoCommit;
    private Connection connection;
    private boolean restoreAutoCommit;

    SessionConnection(Engine engine, ConnectionProvider provider, SessionOptions options) {
        this.engine = engine;
        this.provider = provider;
        this.autoCommit = options.autoCommit();
        this.ownsTransaction = !provider.managesTransactions() && !options.autoCommit();
    }

    boolean isOpen() {
        return connection != null;
    }

    /** The connection, taken (and its transaction begun) on first use. */
    Connection get() {
        if (connection == null) {
            Connection acquired = null;
            try {
                acquired = provider.getConnection();
                if (!provider.managesTransactions() && !autoCommit && acquired.getAutoCommit()) {
                    acquired.setAutoCommit(false);
                    restoreAutoCommit = true;
                }
                connection = acquired;
            } catch (SQLException e) {
                QuarryException failure = engine.executor().translate("begin a transaction", null, e);
                if (acquired != null) {
                    // a connection that cannot begin a transaction still goes back, or the pool loses it
                    giveBack(acquired, failure);
                }
                throw failure;
            }
        }
        return connection;
    }

    private void giveBack(Connection acquired, QuarryException failure) {
        try {
            provider.releaseConnection(acquired);
        } catch (SQLException releaseFailure) {
            failure.addSuppressed(releaseFailure);
        }
    }

    /** Commits, when the session owns the transaction. */
    void commit() {
        if (connection != null && ownsTransaction) {
            try {
                connection.commit();
            } catch (SQLException e) {
                throw engine.executor().translate("commit", null, e);
            }
        }
    }

    /** Rolls back, when the session owns the transaction; on failure the connection is given back. */
    void rollback() {
        if (connection != null && ownsTransaction) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                release();
                throw engine.executor().translate("rollback", null, e);
            }
        }
    }

    /** Rolls back after a failed flush, keeping the flush's exception as the one that leaves. */
    void rollbackAfter(QuarryException failure) {
        if (connection != null && ownsTransaction) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
        }
    }

    /** Gives the connection back (restoring auto-commit). */
    void release() {
        if (connection == null) {
            return;
        }
        Connection current = connection;
        connection = null;
        try {
            if (restoreAutoCommit) {
                current.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the pool resets auto-commit on return anyway; the connection may already be broken
        } finally {
            restoreAutoCommit = false;
            try {
                provider.releaseConnection(current);
            } catch (SQLException e) {
                throw engine.executor().translate("release connection", null, e);
            }
        }
    }
}
