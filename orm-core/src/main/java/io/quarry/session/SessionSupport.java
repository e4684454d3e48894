package io.quarry.session;

import io.quarry.SessionStateException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.Property;
import io.quarry.mapping.PropertyRefs;
import io.quarry.sql.Expression;
import io.quarry.sql.Sql;
import io.quarry.sql.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The statement-running half of the session, and what its helpers (queries, loader, flusher,
 * bulk writer) rely on: queries, raw SQL and the pre-rendered statements of
 * {@link StatementSession}, run after autoflush through the engine's {@link StatementExecutor} on
 * the session's connection. {@link DefaultSession}, the only subclass, holds the state and the
 * transaction. Not thread-safe.
 */
abstract class SessionSupport implements StatementSession {

    static final Object[] NO_ARGS = new Object[0];

    private final RenderedStatements statements = new RenderedStatements(this);

    /** Counts the session's reads by shape; null when N+1 detection is off, so that it costs nothing. */
    private NPlusOneDetector nPlusOne;

    SessionSupport(NPlusOneDetector nPlusOne) {
        this.nPlusOne = nPlusOne;
    }

    /** The session's N+1 detector, or null when detection is off (for tests). */
    final NPlusOneDetector nPlusOneDetector() {
        return nPlusOne;
    }

    /** Runs {@code work}, whose reads belong to a write (a bulk update's reloads), without counting them. */
    final <R> R withoutNPlusOneCount(java.util.function.Supplier<R> work) {
        NPlusOneDetector detector = nPlusOne;
        nPlusOne = null;
        try {
            return work.get();
        } finally {
            nPlusOne = detector;
        }
    }

    /** The session's objects and their states. */
    abstract UnitOfWork work();

    /** The transaction's connection, begun on first use. */
    abstract Connection connection();

    /** Flushes pending changes before a query, when the options ask for it. */
    abstract void autoflush();

    /** The result streams the session has open. */
    abstract OpenStreams streams();

    /** The time limit of the session's statements: its own, else the engine's default, shortened by the provider. */
    abstract StatementTimeout sessionTimeout();

    /** A repository method's own limit while it runs ({@link #withQueryTimeout}), or null. */
    private StatementTimeout methodTimeout;

    /** The time limit of the next statement: a running repository method's own, else the session's. */
    final StatementTimeout timeout() {
        return methodTimeout != null ? methodTimeout : sessionTimeout();
    }

    @Override
    public final <R> R withQueryTimeout(java.time.Duration limit, String source, java.util.function.Supplier<R> work) {
        StatementTimeout outer = methodTimeout;
        methodTimeout = timeout().overriddenBy(limit, source);
        try {
            return work.get();
        } finally {
            methodTimeout = outer;
        }
    }

    /** Whether the session was closed (lazy collections refuse to load then). */
    abstract boolean closed();

    /** A running repository method's fetch plan and the entity it is for, or null. */
    private FetchPlan methodPlan;
    private EntityModel<?> methodPlanRoot;

    @Override
    public final <R> R withFetchPlan(EntityModel<?> root, FetchPlan plan, java.util.function.Supplier<R> work) {
        FetchPlan outerPlan = methodPlan;
        EntityModel<?> outerRoot = methodPlanRoot;
        methodPlan = plan;
        methodPlanRoot = root;
        try {
            return work.get();
        } finally {
            methodPlan = outerPlan;
            methodPlanRoot = outerRoot;
        }
    }

    /** What reads of {@code model} load beyond the mapping's declarations. */
    final FetchPlan fetchPlan(EntityModel<?> model) {
        return model == methodPlanRoot ? methodPlan : FetchPlan.NONE;
    }

    /** Refuses work on a closed session or one whose flush failed. */
    abstract void checkOpen();

    /** {@link #checkOpen()}, and refuses {@code operation} in a read-only session. */
    abstract void checkWritable(String operation);

    // ---- queries

    @Override
    public <T> Query<T> query(Class<T> type) {
        checkOpen();
        return new EntityQuery<>(this, engine().model(type));
    }

    @Override
    public RowQuery select(Class<?> type, Expression... expressions) {
        checkOpen();
        return new ColumnQuery(this, engine().model(type), List.of(expressions));
    }

    @Override
    public <T> RowQuery select(Property<T, ?> first, Expression... more) {
        checkOpen();
        List<Expression> all = new ArrayList<>();
        all.add(Sql.col(first));
        all.addAll(Arrays.asList(more));
        return new ColumnQuery(this, engine().model(PropertyRefs.resolve(first).entityType()), all);
    }

    @Override
    public int execute(String sql, Map<String, ?> parameters) {
        checkWritable("execute");
        autoflush();
        return new RawSql(this, engine().namedSql(sql), parameters).executeUpdate();
    }

    @Override
    public int execute(String sql) {
        return execute(sql, Map.of());
    }

    @Override
    public <T> List<T> sqlQuery(String sql, Class<T> type, Map<String, ?> parameters) {
        checkOpen();
        autoflush();
        return new RawSql(this, engine().namedSql(sql), parameters).list(type);
    }

    @Override
    public <T> List<T> sqlQuery(String sql, Class<T> type) {
        return sqlQuery(sql, type, Map.of());
    }

    @Override
    public List<Row> sqlRows(String sql, Map<String, ?> parameters) {
        checkOpen();
        autoflush();
        return new RawSql(this, engine().namedSql(sql), parameters).rows();
    }

    // ---- pre-rendered statements

    @Override
    public <T> List<T> flush(List<T> instances) {
        List<EntityState> held = new ArrayList<>(instances.size());
        for (T instance : instances) {
            EntityState state = work().stateOf(instance);
            if (state == null) {
                throw new SessionStateException("Cannot flush " + Sessions.describe(instance) + ": it is not in this "
                        + "session; add(...) or merge(...) it first");
            }
            held.add(state);
        }
        flush();
        List<T> result = new ArrayList<>(held.size());
        for (EntityState state : held) {
            @SuppressWarnings("unchecked")
            T instance = (T) state.instance;
            result.add(instance);
        }
        return result;
    }


    @Override
    public <T> List<T> list(EntityModel<T> model, SqlStatement statement, Object[] args) {
        return statements.list(model, statement, args);
    }

    @Override
    public <R> List<R> list(SqlStatement statement, Object[] args, ResultMapper<R> mapper) {
        return statements.list(statement, args, mapper);
    }

    @Override
    public <T> Stream<T> stream(EntityModel<T> model, SqlStatement statement, Object[] args) {
        return statements.stream(model, statement, args);
    }

    @Override
    public <R> Stream<R> stream(SqlStatement statement, Object[] args, ResultMapper<R> mapper) {
        return statements.stream(statement, args, mapper);
    }

    @Override
    public <T> List<T> listByColumnLabel(EntityModel<T> model, SqlStatement statement, Object[] args) {
        return statements.listByColumnLabel(model, statement, args);
    }

    @Override
    public <T> Stream<T> streamByColumnLabel(EntityModel<T> model, SqlStatement statement, Object[] args) {
        return statements.streamByColumnLabel(model, statement, args);
    }

    @Override
    public int executeUpdate(SqlStatement statement, Object[] args) {
        checkWritable("execute");
        autoflush();
        return runUpdate("execute", statement, args);
    }

    @Override
    public int bulkUpdate(EntityModel<?> model, SqlStatement statement, SqlStatement selectIds, Object[] args) {
        checkWritable("update");
        return BulkWriter.run(this, model, statement, selectIds, args, false);
    }

    @Override
    public int bulkDelete(EntityModel<?> model, SqlStatement statement, SqlStatement selectIds, Object[] args) {
        checkWritable("delete");
        return BulkWriter.run(this, model, statement, selectIds, args, true);
    }

    /**
     * The loader of {@code model}'s rows from a result set of its columns in property order; obtain
     * one per result set. {@code track} adds new objects to the identity map.
     */
    <T> RowLoader<T> rowLoader(EntityModel<T> model, boolean track) {
        return RowLoader.byPosition(this, model, track);
    }

    /** The loader of {@code model}'s rows from {@code resultSet}, its columns matched by label once. */
    <T> RowLoader<T> rowLoader(EntityModel<T> model, boolean track, ResultSet resultSet)
            throws SQLException {
        return RowLoader.byLabel(this, model, track, resultSet);
    }

    /** For streams: a mapper that becomes {@link #rowLoader} for the result set it is specialized to. */
    <T> ResultMapper<T> rowLoaderPerResultSet(EntityModel<T> model, boolean byLabel) {
        return new ResultMapper<>() {
            @Override
            public T map(ResultSet resultSet) throws SQLException {
                return specialize(resultSet).map(resultSet);
            }

            @Override
            public ResultMapper<T> specialize(ResultSet resultSet) throws SQLException {
                return byLabel ? rowLoader(model, false, resultSet) : rowLoader(model, false);
            }
        };
    }

    /** Runs a read of the session's (counted by the N+1 detector). */
    <R> R runQuery(String task, SqlStatement statement, Object[] args, StatementExecutor.ResultReader<R> reader) {
        return runQuery(timeout(), task, statement, args, reader);
    }

    <R> R runQuery(StatementTimeout limit, String task, SqlStatement statement, Object[] args,
            StatementExecutor.ResultReader<R> reader) {
        if (nPlusOne != null) {
            nPlusOne.counted(statement.sql());
        }
        return engine().executor().query(connection(), limit, task, statement, args, reader);
    }

    int runUpdate(String task, SqlStatement statement, Object[] args) {
        return runUpdate(timeout(), task, statement, args);
    }

    int runUpdate(StatementTimeout limit, String task, SqlStatement statement, Object[] args) {
        return engine().executor().update(connection(), limit, task, statement, args);
    }

    <T> Stream<T> runStream(String task, SqlStatement statement, Object[] args,
            ResultMapper<T> mapper) {
        return runStream(timeout(), task, statement, args, mapper);
    }

    <T> Stream<T> runStream(StatementTimeout limit, String task, SqlStatement statement, Object[] args,
            ResultMapper<T> mapper) {
        if (nPlusOne != null) {
            nPlusOne.counted(statement.sql());
        }
        return streams().track(engine().executor().stream(connection(), limit, task, statement, args, mapper), task);
    }

}
