package io.quarry.session;

import io.quarry.QuarryException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection of one session's transaction: taken from the provider on first use (auto-commit
 * turned off unless the provider runs transactions or the session is in auto-commit mode, then the
 * session's {@link LockTimeout} set on it, when the connection is in a transaction), committed or
 * rolled back only when the session owns the transaction, and given back at the end (the lock
 * timeout put back first). As the {@link LockWait} of the session's statements, it says which lock
 * timeout is in force. Not thread-safe; owned by its session.
 */
final class SessionConnection implements LockWait {

    private static final Logger LOG = LoggerFactory.getLogger(SessionConnection.class);

    private final Engine engine;
    private final ConnectionProvider provider;
    private final boolean ownsTransaction;
    private final boolean autoCommit;
    private final LockTimeout lockTimeout;
    private Connection connection;
    private boolean restoreAutoCommit;
    /** The values that put the connection's lock timeout back (none where it ends with the transaction); null while none is set. */
    private int[] lockTimeoutToRestore;
    /** A rollback to a savepoint may have undone a lock timeout that ends with the transaction. */
    private boolean lockTimeoutMayBeUndone;

    SessionConnection(Engine engine, ConnectionProvider provider, SessionOptions options) {
        this.engine = engine;
        this.provider = provider;
        this.autoCommit = options.autoCommit();
        this.ownsTransaction = !provider.managesTransactions() && !options.autoCommit();
        this.lockTimeout = LockTimeout.of(options, engine.lockTimeout());
    }

    boolean isOpen() {
        return connection != null;
    }

    /** The connection, taken (and its transaction begun, its lock timeout set) on first use. */
    Connection get() {
        if (connection == null) {
            Connection acquired = null;
            try {
                acquired = provider.getConnection();
                if (!provider.managesTransactions() && !autoCommit && acquired.getAutoCommit()) {
                    acquired.setAutoCommit(false);
                    restoreAutoCommit = true;
                }
                // once per transaction; an auto-commit connection runs none, so there is nothing to bound
                if (lockTimeout.isSet() && !acquired.getAutoCommit()) {
                    lockTimeoutToRestore = lockTimeout.apply(engine, acquired);
                }
                connection = acquired;
            } catch (SQLException e) {
                throw giveBack(acquired, engine.executor().translate("begin a transaction", null, e));
            } catch (QuarryException e) {
                throw giveBack(acquired, e);
            }
        } else if (lockTimeoutMayBeUndone) {
            lockTimeoutMayBeUndone = false;
            lockTimeout.apply(engine, connection);
        }
        return connection;
    }

    /** A connection that cannot begin a transaction still goes back, or the pool loses it. */
    private QuarryException giveBack(Connection acquired, QuarryException failure) {
        restoreAutoCommit = false;
        lockTimeoutToRestore = null;
        if (acquired != null) {
            try {
                provider.releaseConnection(acquired);
            } catch (SQLException releaseFailure) {
                failure.addSuppressed(releaseFailure);
            }
        }
        return failure;
    }

    /**
     * The transaction (run by someone else) rolled back to a savepoint, which also undoes a lock
     * timeout set after it where the setting belongs to the transaction (PostgreSQL): set it again
     * before the next statement.
     */
    void afterSavepointRollback() {
        if (lockTimeoutToRestore != null && engine.dialect().lockTimeout().endsWithTransaction()) {
            lockTimeoutMayBeUndone = true;
        }
    }

    @Override
    public String limit() {
        return lockTimeoutToRestore != null ? lockTimeout.describe(engine.dialect()) : "the database's own lock timeout";
    }

    @Override
    public String advice() {
        if (lockTimeoutToRestore != null) {
            return lockTimeout.advice();
        }
        if (lockTimeout.isSet()) {
            return "the session's connection is in auto-commit mode, and Quarry sets "
                    + lockTimeout.describe(engine.dialect()) + " on transactions only; retry, or run the work in a "
                    + "transaction";
        }
        return "roll back and retry the transaction, or set a lock timeout with Engine.builder(...).lockTimeout(...) "
                + "(in Spring, quarry.lock-timeout) or SessionOptions.withLockTimeout(...)";
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

    /** Gives the connection back (restoring its lock timeout and auto-commit). */
    void release() {
        if (connection == null) {
            return;
        }
        Connection current = connection;
        connection = null;
        restoreLockTimeout(current);
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

    /**
     * Puts the connection's lock timeout back as it was before the transaction, so that the next user
     * of a pooled connection does not inherit it. A failure is logged, not thrown: the transaction has
     * ended already, and a connection that cannot run a SET is broken, which the pool finds out.
     */
    private void restoreLockTimeout(Connection current) {
        int[] previous = lockTimeoutToRestore;
        lockTimeoutToRestore = null;
        lockTimeoutMayBeUndone = false;
        if (previous == null) {
            return;
        }
        try {
            LockTimeout.restore(engine, current, previous);
        } catch (QuarryException e) {
            LOG.warn("Cannot put back the lock timeout of a connection before giving it back; it keeps {}: {}",
                    lockTimeout.describe(engine.dialect()), e.getMessage());
        }
    }
}
