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
 * to every statement (timeouts, metrics) has one place to go. The {@link StatementObserver}, when
 * there is one, is told before each statement is prepared and once when it ended; without one each
 * statement pays a null check and allocates nothing for it. One per engine; thread-safe.
 */
final class StatementExecutor {

    private static final Logger SQL_LOG = LoggerFactory.getLogger("io.quarry.SQL");
    private static final Object[] NO_ARGS = new Object[0];

    private final Dialect dialect;
    private final boolean showSql;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();
    private final StatementObserver observer;

    StatementExecutor(Dialect dialect, boolean showSql, List<StatementListener> listeners, StatementObserver observer) {
        this.dialect = dialect;
        this.showSql = showSql;
        this.listeners.addAll(listeners);
        this.observer = observer;
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
        StatementObserver.Execution execution = started(StatementObserver.Kind.QUERY, task, statement.sql(), 1);
        long start = System.nanoTime();
        String limit = null;
        R result;
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            limit = timeout.apply(prepared);
            bind(statement, prepared, args, task);
            try (ResultSet resultSet = prepared.executeQuery()) {
                result = reader.read(resultSet);
                executed(statement.sql(), 1, start);
            }
        } catch (SQLException e) {
            throw failed(execution, translate(task, statement.sql(), e, limit, timeout.lockWait()));
        } catch (RuntimeException | Error e) {
            failed(execution, e);
            throw e;
        }
        if (execution != null) {
            execution.succeeded(result instanceof List<?> rows ? rows.size() : -1);
        }
        return result;
    }

    /** Runs a rendered INSERT, UPDATE or DELETE; returns the row count. */
    int update(Connection connection, StatementTimeout timeout, String task, SqlStatement statement, Object[] args) {
        StatementObserver.Execution execution = started(StatementObserver.Kind.UPDATE, task, statement.sql(), 1);
        long start = System.nanoTime();
        String limit = null;
        int count;
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            limit = timeout.apply(prepared);
            bind(statement, prepared, args, task);
            count = prepared.executeUpdate();
            executed(statement.sql(), 1, start);
        } catch (SQLException e) {
            throw failed(execution, translate(task, statement.sql(), e, limit, timeout.lockWait()));
        } catch (RuntimeException | Error e) {
            failed(execution, e);
            throw e;
        }
        if (execution != null) {
            execution.succeeded(count);
        }
        return count;
    }

    /**
     * Runs {@code sql} once per row as one JDBC batch ({@code rows} == 1: a plain execution), binding
     * each row with {@code binder}; {@code keyColumn} not null asks for the generated keys of that
     * column, which {@code result} reads with the update counts.
     */
    void batch(Connection connection, StatementTimeout timeout, String task, String sql, int rows, String keyColumn,
            RowBinder binder, BatchResult result) {
        StatementObserver.Execution execution = started(StatementObserver.Kind.BATCH, task, sql, rows);
        long start = System.nanoTime();
        String limit = null;
        int[] counts;
        try (PreparedStatement statement = keyColumn != null ? dialect.prepareReturningKeys(connection, sql, keyColumn)
                : connection.prepareStatement(sql)) {
            limit = timeout.apply(statement);
            for (int row = 0; row < rows; row++) {
                binder.bind(statement, row);
                if (rows > 1) {
                    statement.addBatch();
                }
            }
            counts = rows > 1 ? statement.executeBatch() : new int[] {statement.executeUpdate()};
            executed(sql, rows, start);
            result.read(statement, counts);
        } catch (SQLException e) {
            throw failed(execution, translate(task, sql, e, limit, timeout.lockWait()));
        } catch (QuarryException | Error e) {
            failed(execution, e);
            throw e;
        } catch (RuntimeException e) {
            throw failed(execution, new QuarryException(task + "; SQL [" + sql + "]; cannot bind a parameter: " + e, e));
        }
        if (execution != null) {
            execution.succeeded(changed(counts));
        }
    }

    /**
     * A stream over an open result set that closes the statement when the stream is closed; its rows
     * are mapped by {@code mapper} specialized for the result set. The dialect's fetch size keeps
     * MySQL and PostgreSQL from reading the whole result into memory.
     */
    <T> Stream<T> stream(Connection connection, StatementTimeout timeout, String task, SqlStatement statement,
            Object[] args, ResultMapper<T> mapper) {
        StatementObserver.Execution execution = started(StatementObserver.Kind.STREAM, task, statement.sql(), 1);
        PreparedStatement prepared = null;
        long start = System.nanoTime();
        String limit = null;
        try {
            prepared = connection.prepareStatement(statement.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            prepared.setFetchSize(dialect.streamingFetchSize());
            limit = timeout.apply(prepared);
            bind(statement, prepared, args, task);
            ResultSet resultSet = prepared.executeQuery();
            executed(statement.sql(), 1, start);
            PreparedStatement toClose = prepared;
            String streamLimit = limit;
            ResultStream<T> rows = new ResultStream<>(resultSet, mapper.specialize(resultSet),
                    e -> translate(task, statement.sql(), e, streamLimit, timeout.lockWait()), execution);
            return StreamSupport.stream(rows, false).onClose(() -> {
                rows.closed();
                closeStream(toClose, task);
            });
        } catch (SQLException e) {
            QuarryException error = translate(task, statement.sql(), e, limit, timeout.lockWait());
            closeAfterFailure(prepared, error);
            throw failed(execution, error);
        } catch (RuntimeException | Error e) {
            // binding, or a mapper that cannot read this result set: nobody will close the stream, so close here
            closeAfterFailure(prepared, e);
            failed(execution, e);
            throw e;
        }
    }

    /** Closes the statement of a stream that could not be returned; a failure to close is added to {@code error}. */
    private static void closeAfterFailure(PreparedStatement prepared, Throwable error) {
        if (prepared == null) {
            return;
        }
        try {
            prepared.close();
        } catch (SQLException e) {
            error.addSuppressed(e);
        }
    }

    /** Runs DDL or another statement without parameters. */
    void execute(Connection connection, String task, String sql) {
        StatementObserver.Execution execution = started(StatementObserver.Kind.EXECUTE, task, sql, 1);
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failed(execution, translate(task, sql, e));
        } catch (RuntimeException | Error e) {
            failed(execution, e);
            throw e;
        }
        executed(sql, 1, start);
        if (execution != null) {
            execution.succeeded(-1);
        }
    }

    /**
     * Runs one statement that sets something on the connection (a SET, or a SELECT of a function that
     * does), with its bound values, without a time limit.
     */
    void execute(Connection connection, String task, SqlStatement statement) {
        StatementObserver.Execution execution = started(StatementObserver.Kind.EXECUTE, task, statement.sql(), 1);
        long start = System.nanoTime();
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            bind(statement, prepared, NO_ARGS, task);
            prepared.execute();
        } catch (SQLException e) {
            throw failed(execution, translate(task, statement.sql(), e));
        } catch (RuntimeException | Error e) {
            failed(execution, e);
            throw e;
        }
        executed(statement.sql(), 1, start);
        if (execution != null) {
            execution.succeeded(-1);
        }
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

    /** The observer's execution of a statement about to run, or null when there is no observer. */
    private StatementObserver.Execution started(StatementObserver.Kind kind, String task, String sql, int parameterSets) {
        return observer == null ? null : observer.started(new StatementObserver.Statement(kind, task, sql, parameterSets));
    }

    /** Tells {@code execution} (if any) that its statement failed with {@code error}; returns the error. */
    static <E extends Throwable> E failed(StatementObserver.Execution execution, E error) {
        if (execution != null) {
            execution.failed(error);
        }
        return error;
    }

    /** The rows a batch changed, or -1 when a count is unknown ({@link Statement#SUCCESS_NO_INFO}). */
    private static long changed(int[] counts) {
        long sum = 0;
        for (int count : counts) {
            if (count < 0) {
                return -1;
            }
            sum += count;
        }
        return sum;
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

    /**
     * Rows of an open result set, one per {@link #tryAdvance}; failures leave translated. The statement's
     * execution (null: not observed) is told of the first failure, or of the rows read when the stream is
     * closed.
     */
    static final class ResultStream<T> extends Spliterators.AbstractSpliterator<T> {

        private final ResultSet resultSet;
        private final ResultMapper<T> mapper;
        private final java.util.function.Function<SQLException, QuarryException> translate;
        private StatementObserver.Execution execution;
        private long rows;

        ResultStream(ResultSet resultSet, ResultMapper<T> mapper,
                java.util.function.Function<SQLException, QuarryException> translate,
                StatementObserver.Execution execution) {
            super(Long.MAX_VALUE, Spliterator.ORDERED);
            this.resultSet = resultSet;
            this.mapper = mapper;
            this.translate = translate;
            this.execution = execution;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            T row;
            try {
                if (!resultSet.next()) {
                    return false;
                }
                row = mapper.map(resultSet);
            } catch (SQLException e) {
                throw ended(translate.apply(e));
            } catch (RuntimeException | Error e) {
                ended(e);
                throw e;
            }
            rows++;
            action.accept(row);
            return true;
        }

        private <E extends Throwable> E ended(E error) {
            StatementExecutor.failed(execution, error);
            execution = null;
            return error;
        }

        /** The stream was closed: its execution, unless it failed, read {@code rows} rows. */
        void closed() {
            if (execution != null) {
                execution.succeeded(rows);
                execution = null;
            }
        }
    }
}
