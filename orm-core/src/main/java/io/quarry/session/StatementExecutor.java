package io.quarry.session;

import io.quarry.ConstraintViolationException;
import io.quarry.LockFailureException;
import io.quarry.QuarryException;
import io.quarry.QueryTimeoutException;
import io.quarry.StatementException;
import io.quarry.dialect.Dialect;
import io.quarry.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every statement of an engine takes: prepare, bind, execute, log (logger
 * {@code io.quarry.SQL}: DEBUG, or INFO with show-sql), tell the listeners, and turn
 * {@link SQLException}s into Quarry's exceptions naming the task and the SQL. Queries, streams,
 * updates, flush batches, upserts, sequence fetches and DDL all run here, so that whatever applies
 * to every statement (timeouts, metrics) has one place to go. One per engine; thread-safe.
 */
final class StatementExecutor {

    private static final Logger SQL_LOG = LoggerFactory.getLogger("io.quarry.SQL");
    private static final Object[] NO_ARGS = new Object[0];

    private final Dialect dialect;
    private final boolean showSql;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();

    StatementExecutor(Dialect dialect, boolean showSql, List<StatementListener> listeners) {
        this.dialect = dialect;
        this.showSql = showSql;
        this.listeners.addAll(listeners);
    }

    /** Reads a whole result set. */
    @FunctionalInterface
    interface ResultReader<R> {
        R read(ResultSet resultSet) throws SQLException;
    }

    /** Binds one row of a batch; {@code row} counts from 0. */
    @FunctionalInterface
    interface RowBinder {
        void bind(PreparedStatement statement, int row) throws SQLException;
    }

    /** Reads what a batch returned: the update counts, and the generated keys when they were asked for. */
    @FunctionalInterface
    interface BatchResult {
        void read(PreparedStatement statement, int[] counts) throws SQLException;
    }

    void addListener(StatementListener listener) {
        listeners.add(listener);
    }

    void removeListener(StatementListener listener) {
        listeners.remove(listener);
    }

    /** Runs a rendered SELECT and reads its result. */
    <R> R query(Connection connection, StatementTimeout timeout, String task, SqlStatement statement, Object[] args,
            ResultReader<R> reader) {
        long start = System.nanoTime();
        String limit = null;
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            limit = timeout.apply(prepared);
            bind(statement, prepared, args, task);
            try (ResultSet resultSet = prepared.executeQuery()) {
                R result = reader.read(resultSet);
                executed(statement.sql(), 1, start);
                return result;
            }
        } catch (SQLException e) {
            throw translate(task, statement.sql(), e, limit, timeout.lockWait());
        }
    }

    /** Runs a rendered INSERT, UPDATE or DELETE; returns the row count. */
    int update(Connection connection, StatementTimeout timeout, String task, SqlStatement statement, Object[] args) {
        long start = System.nanoTime();
        String limit = null;
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            limit = timeout.apply(prepared);
            bind(statement, prepared, args, task);
            int count = prepared.executeUpdate();
            executed(statement.sql(), 1, start);
            return count;
        } catch (SQLException e) {
            throw translate(task, statement.sql(), e, limit, timeout.lockWait());
        }
    }

    /**
     * Runs {@code sql} once per row as one JDBC batch ({@code rows} == 1: a plain execution), binding
     * each row with {@code binder}; {@code keyColumn} not null asks for the generated keys of that
     * column, which {@code result} reads with the update counts.
     */
    void batch(Connection connection, StatementTimeout timeout, String task, String sql, int rows, String keyColumn,
            RowBinder binder, BatchResult result) {
        long start = System.nanoTime();
        String limit = null;
        try (PreparedStatement statement = keyColumn != null ? dialect.prepareReturningKeys(connection, sql, keyColumn)
                : connection.prepareStatement(sql)) {
            limit = timeout.apply(statement);
            for (int row = 0; row < rows; row++) {
                binder.bind(statement, row);
                if (rows > 1) {
                    statement.addBatch();
                }
            }
            int[] counts = rows > 1 ? statement.executeBatch() : new int[] {statement.executeUpdate()};
            executed(sql, rows, start);
            result.read(statement, counts);
        } catch (SQLException e) {
            throw translate(task, sql, e, limit, timeout.lockWait());
        } catch (QuarryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new QuarryException(task + "; SQL [" + sql + "]; cannot bind a parameter: " + e, e);
        }
    }

    /**
     * A stream over an open result set that closes the statement when the stream is closed; its rows
     * are mapped by {@code mapper} specialized for the result set. The dialect's fetch size keeps
     * MySQL and PostgreSQL from reading the whole result into memory.
     */
    <T> Stream<T> stream(Connection connection, StatementTimeout timeout, String task, SqlStatement statement,
            Object[] args, ResultMapper<T> mapper) {
        PreparedStatement prepared = null;
        long start = System.nanoTime();
        String limit = null;
        try {
            prepared = connection.prepareStatement(statement.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            prepared.setFetchSize(dialect.streamingFetchSize());
            limit = timeout.apply(prepared);
            try {
                bind(statement, prepared, args, task);
            } catch (RuntimeException e) {
                closeStream(prepared, task);
                throw e;
            }
            ResultSet resultSet = prepared.executeQuery();
            executed(statement.sql(), 1, start);
            PreparedStatement toClose = prepared;
            String streamLimit = limit;
            return StreamSupport.stream(new ResultStream<>(resultSet, mapper.specialize(resultSet),
                    e -> translate(task, statement.sql(), e, streamLimit, timeout.lockWait())),
                    false).onClose(() -> closeStream(toClose, task));
        } catch (SQLException e) {
            if (prepared != null) {
                closeStream(prepared, task);
            }
            throw translate(task, statement.sql(), e, limit, timeout.lockWait());
        }
    }

    /** Runs DDL or another statement without parameters. */
    void execute(Connection connection, String task, String sql) {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw translate(task, sql, e);
        }
        executed(sql, 1, start);
    }

    /**
     * Runs one statement that sets something on the connection (a SET, or a SELECT of a function that
     * does), with its bound values, without a time limit.
     */
    void execute(Connection connection, String task, SqlStatement statement) {
        long start = System.nanoTime();
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            bind(statement, prepared, NO_ARGS, task);
            prepared.execute();
        } catch (SQLException e) {
            throw translate(task, statement.sql(), e);
        }
        executed(statement.sql(), 1, start);
    }

    /** The Quarry exception for a failed statement. */
    QuarryException translate(String task, String sql, SQLException e) {
        return translate(task, sql, e, null, null);
    }

    /**
     * The Quarry exception for a failed statement whose time limit was {@code limit} (null: none
     * known) and whose lock waits {@code lockWait} ends (null: unknown).
     */
    QuarryException translate(String task, String sql, SQLException e, String limit, LockWait lockWait) {
        SQLException cause = e.getNextException() != null && e.getSQLState() == null ? e.getNextException() : e;
        return switch (dialect.classify(cause)) {
            case QUERY_TIMEOUT -> new QueryTimeoutException(task, sql, cause,
                    limit != null ? limit : "a time limit set outside Quarry");
            case DUPLICATE_KEY -> new ConstraintViolationException(task, sql, cause, dialect.constraintName(cause), true);
            case CONSTRAINT -> new ConstraintViolationException(task, sql, cause, dialect.constraintName(cause), false);
            case DEADLOCK -> new LockFailureException(task, sql, cause, true);
            case LOCK_TIMEOUT -> lockWait == null ? new LockFailureException(task, sql, cause, false)
                    : new LockFailureException(task, sql, cause, lockWait.limit(), lockWait.advice());
            case OTHER -> new StatementException(task, sql, cause);
        };
    }

    /** Binds the parameters; a codec that fails (a user codec, a wrong value type) is reported with the SQL. */
    private void bind(SqlStatement statement, PreparedStatement prepared, Object[] args, String task)
            throws SQLException {
        try {
            statement.bind(prepared, args);
        } catch (QuarryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new QuarryException(task + "; SQL [" + statement.sql() + "]; cannot bind a parameter: " + e, e);
        }
        if (SQL_LOG.isTraceEnabled()) {
            // bound values may be personal data: TRACE only
            SQL_LOG.trace("bound values: {}", statement.values());
        }
    }

    /** Records that {@code sql} ran with {@code rows} parameter sets since {@code startNanos}. */
    private void executed(String sql, int rows, long startNanos) {
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

    private void closeStream(PreparedStatement statement, String task) {
        try {
            statement.close();
        } catch (SQLException e) {
            throw translate("close stream of " + task, null, e);
        }
    }

    /** Rows of an open result set, one per {@link #tryAdvance}; failures leave translated. */
    static final class ResultStream<T> extends Spliterators.AbstractSpliterator<T> {

        private final ResultSet resultSet;
        private final ResultMapper<T> mapper;
        private final java.util.function.Function<SQLException, QuarryException> translate;

        ResultStream(ResultSet resultSet, ResultMapper<T> mapper,
                java.util.function.Function<SQLException, QuarryException> translate) {
            super(Long.MAX_VALUE, Spliterator.ORDERED);
            this.resultSet = resultSet;
            this.mapper = mapper;
            this.translate = translate;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            try {
                if (!resultSet.next()) {
                    return false;
                }
                action.accept(mapper.map(resultSet));
                return true;
            } catch (SQLException e) {
                throw translate.apply(e);
            }
        }
    }
}
