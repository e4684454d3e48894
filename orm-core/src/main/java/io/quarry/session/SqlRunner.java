package io.quarry.session;

import io.quarry.ConstraintViolationException;
import io.quarry.LockFailureException;
import io.quarry.QuarryException;
import io.quarry.StatementException;
import io.quarry.dialect.Dialect;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs statements (logger {@code io.quarry.SQL}: DEBUG, or INFO with show-sql), tells listeners,
 * and turns {@link SQLException}s into Quarry's exceptions. One per engine; thread-safe.
 */
final class SqlRunner {

    private static final Logger SQL_LOG = LoggerFactory.getLogger("io.quarry.SQL");

    private final Dialect dialect;
    private final boolean showSql;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();

    SqlRunner(Dialect dialect, boolean showSql, List<StatementListener> listeners) {
        this.dialect = dialect;
        this.showSql = showSql;
        this.listeners.addAll(listeners);
    }

    void addListener(StatementListener listener) {
        listeners.add(listener);
    }

    void removeListener(StatementListener listener) {
        listeners.remove(listener);
    }

    /** Records that {@code sql} ran with {@code rows} parameter sets since {@code startNanos}. */
    void executed(String sql, int rows, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        if (showSql) {
            SQL_LOG.info("{}{} ({} ms)", sql, rows > 1 ? " [batch of " + rows + "]" : "", nanos / 1_000_000.0);
        } else if (SQL_LOG.isDebugEnabled()) {
            SQL_LOG.debug("{}{} ({} ms)", sql, rows > 1 ? " [batch of " + rows + "]" : "", nanos / 1_000_000.0);
        }
        for (StatementListener listener : listeners) {
            listener.executed(sql, rows, nanos);
        }
    }

    /** Logs bound values, at TRACE only: they may be personal data. */
    void traceValues(Object values) {
        if (SQL_LOG.isTraceEnabled()) {
            SQL_LOG.trace("bound values: {}", values);
        }
    }

    /** The Quarry exception for a failed statement. */
    QuarryException translate(String task, String sql, SQLException e) {
        SQLException cause = e.getNextException() != null && e.getSQLState() == null ? e.getNextException() : e;
        return switch (dialect.classify(cause)) {
            case DUPLICATE_KEY -> new ConstraintViolationException(task, sql, cause, dialect.constraintName(cause), true);
            case CONSTRAINT -> new ConstraintViolationException(task, sql, cause, dialect.constraintName(cause), false);
            case DEADLOCK -> new LockFailureException(task, sql, cause, true);
            case LOCK_TIMEOUT -> new LockFailureException(task, sql, cause, false);
            case OTHER -> new StatementException(task, sql, cause);
        };
    }
}
