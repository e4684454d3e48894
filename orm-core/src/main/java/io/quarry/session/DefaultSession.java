package io.quarry.session;

import io.quarry.PendingRollbackException;
import io.quarry.QuarryException;
import io.quarry.SessionStateException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.GenerationType;
import io.quarry.mapping.Property;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.PropertyRefs;
import io.quarry.sql.Expression;
import io.quarry.sql.Sql;
import io.quarry.sql.SqlStatement;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The session: the user API of {@link Session}, the pre-rendered statements of
 * {@link StatementSession}, and the transaction events of {@link SessionTransaction}. Object states
 * live in its {@link UnitOfWork}, the connection in its {@link SessionConnection}; every statement
 * runs through the engine's {@link StatementExecutor}. Not thread-safe.
 */
final class DefaultSession implements StatementSession, SessionTransaction {

    static final Object[] NO_ARGS = new Object[0];

    private final Engine engine;
    private final SessionOptions options;
    private final UnitOfWork work = new UnitOfWork();
    private final RowLoader loader;
    private final SessionConnection connection;
    private QuarryException failedFlush;
    private boolean closed;

    DefaultSession(Engine engine, ConnectionProvider provider, SessionOptions options) {
        this.engine = engine;
        this.connection = new SessionConnection(engine, provider, options);
        this.options = options;
        this.loader = new RowLoader(this);
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public SessionOptions options() {
        return options;
    }

    // ---- adding, getting, deleting

    @Override
    public <T> T add(T entity) {
        checkWritable("add");
        EntityState known = work.stateOf(entity);
        if (known != null) {
            return cast(work.add(known).instance);
        }
        EntityModel<?> model = engine.model(entity.getClass());
        EntityState state = new EntityState(model, entity, ObjectState.PENDING);
        if (model.hasUnsetId(entity) && model.id().generation() == GenerationType.UUID) {
            UUID uuid = UUID.randomUUID();
            state.instance = castWith(model, entity, model.id(), model.id().javaType() == String.class ? uuid.toString() : uuid);
            state.idGenerated = true;
        }
        if (!model.hasUnsetId(state.instance)) {
            state.id = model.idOf(state.instance);
        }
        return cast(work.add(state).instance);
    }

    @Override
    public void addAll(Collection<?> entities) {
        for (Object entity : entities) {
            add(entity);
        }
    }

    @Override
    public void addAll(Object... entities) {
        addAll(Arrays.asList(entities));
    }

    @Override
    public <T> T get(Class<T> type, Object id) {
        checkOpen();
        EntityModel<T> model = engine.model(type);
        Object key = Sessions.coerceId(model, id);
        EntityState state = work.held(type, key);
        if (state != null && !state.expired) {
            return state.state == ObjectState.REMOVED ? null : type.cast(state.instance);
        }
        List<T> found = list(model, engine.byIdStatement(model), new Object[] {key});
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public void delete(Object entity) {
        checkWritable("delete");
        EntityState state = work.stateOf(entity);
        if (state == null) {
            throw new SessionStateException("Cannot delete " + Sessions.describe(entity) + ": it is not in this session "
                    + "(transient or detached). Load it with get(...) first, or use a bulk query(...).filter(...).delete()");
        }
        work.markDeleted(state);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T merge(T entity) {
        checkWritable("merge");
        if (work.stateOf(entity) != null) {
            return entity;
        }
        EntityModel<T> model = (EntityModel<T>) engine.model(entity.getClass());
        if (model.hasUnsetId(entity)) {
            return add(entity);
        }
        T managed = get((Class<T>) entity.getClass(), model.idOf(entity));
        if (managed == null) {
            return add(entity);
        }
        EntityState state = work.stateOf(managed);
        if (model.isRecord()) {
            work.replace(state, entity);
            return entity;
        }
        for (PropertyModel property : model.properties()) {
            if (!property.isVersion()) {
                property.set(managed, property.get(entity));
            }
        }
        return managed;
    }

    @Override
    public int upsertAll(Collection<?> entities) {
        checkWritable("upsert");
        autoflush();
        return new Upserter(this).upsert(entities);
    }

    // ---- state

    @Override
    public boolean contains(Object entity) {
        EntityState state = work.stateOf(entity);
        return state != null && (state.state == ObjectState.PENDING || state.state == ObjectState.PERSISTENT);
    }

    @Override
    public ObjectState stateOf(Object entity) {
        EntityState state = work.stateOf(entity);
        if (state != null) {
            return state.state;
        }
        return engine.model(entity.getClass()).hasUnsetId(entity) ? ObjectState.TRANSIENT : ObjectState.DETACHED;
    }

    @Override
    public boolean isDirty() {
        return work.isDirty();
    }

    @Override
    public void expunge(Object entity) {
        EntityState state = work.stateOf(entity);
        if (state != null) {
            work.expunge(state);
        }
    }

    @Override
    public void clear() {
        work.clear();
    }

    @Override
    public void refresh(Object entity) {
        checkOpen();
        EntityState state = work.stateOf(entity);
        if (state == null || state.state != ObjectState.PERSISTENT) {
            throw new SessionStateException("Cannot refresh " + Sessions.describe(entity) + ": it is not persistent in "
                    + "this session (state " + stateOf(entity) + ")");
        }
        state.expired = true;
        Object reloaded = query(state.model.type()).filter(Sql.col(state.model.id().name()).eq(state.id)).oneOrNull();
        if (reloaded == null) {
            work.expunge(state);
            throw new io.quarry.NoResultException("Cannot refresh " + Sessions.describe(entity) + ": its row was deleted");
        }
    }

    // ---- flush and transactions

    @Override
    public void flush() {
        checkOpen();
        if (options.readOnly()) {
            return;
        }
        FlushPlan plan = work.flushPlan();
        if (plan.isEmpty()) {
            return;
        }
        try {
            new Flusher(this, connection()).execute(plan);
        } catch (QuarryException e) {
            connection.rollbackAfter(e);
            failedFlush = e;
            throw e;
        }
        work.finishFlush(plan);
    }

    @Override
    public <T> List<T> flush(List<T> instances) {
        List<EntityState> held = new ArrayList<>(instances.size());
        for (T instance : instances) {
            EntityState state = work.stateOf(instance);
            if (state == null) {
                throw new SessionStateException("Cannot flush " + Sessions.describe(instance) + ": it is not in this "
                        + "session; add(...) or merge(...) it first");
            }
            held.add(state);
        }
        flush();
        List<T> result = new ArrayList<>(held.size());
        for (EntityState state : held) {
            result.add(cast(state.instance));
        }
        return result;
    }

    @Override
    public void commit() {
        checkOpen();
        flush();
        connection.commit();
        endTransaction(true);
    }

    @Override
    public void rollback() {
        checkNotClosed();
        connection.rollback();
        endTransaction(false);
    }

    @Override
    public boolean isInTransaction() {
        return connection.isOpen();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (connection.isOpen()) {
                rollback();
            }
        } finally {
            clear();
            connection.release();
            closed = true;
        }
    }

    void rollbackQuietly(Throwable cause) {
        try {
            rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    // ---- the transaction run by someone else

    @Override
    public StatementSession session() {
        return this;
    }

    @Override
    public void afterCompletion(boolean committed) {
        if (!closed) {
            endTransaction(committed);
        }
    }

    @Override
    public Object savepointSet() {
        checkOpen();
        UnitOfWork.Mark mark = work.mark();
        flush();
        return mark;
    }

    @Override
    public void afterSavepointRollback(Object savepoint) {
        checkNotClosed();
        if (!(savepoint instanceof UnitOfWork.Mark mark) || !work.isCurrent(mark)) {
            throw new SessionStateException("Unknown savepoint mark " + savepoint + "; pass what savepointSet() returned"
                    + " in this transaction");
        }
        work.rollBackTo(mark);
        failedFlush = null;
    }

    private void endTransaction(boolean committed) {
        if (committed) {
            work.afterCommit();
        } else {
            work.afterRollback();
        }
        failedFlush = null;
        connection.release();
    }

    // ---- queries

    @Override
    public <T> Query<T> query(Class<T> type) {
        checkOpen();
        return new EntityQuery<>(this, engine.model(type));
    }

    @Override
    public RowQuery select(Class<?> type, Expression... expressions) {
        checkOpen();
        return new ColumnQuery(this, engine.model(type), List.of(expressions));
    }

    @Override
    public <T> RowQuery select(Property<T, ?> first, Expression... more) {
        checkOpen();
        List<Expression> all = new ArrayList<>();
        all.add(Sql.col(first));
        all.addAll(Arrays.asList(more));
        return new ColumnQuery(this, engine.model(PropertyRefs.resolve(first).entityType()), all);
    }

    @Override
    public int execute(String sql, Map<String, ?> parameters) {
        checkWritable("execute");
        autoflush();
        return new RawSql(this, engine.namedSql(sql), parameters).executeUpdate();
    }

    @Override
    public int execute(String sql) {
        return execute(sql, Map.of());
    }

    @Override
    public <T> List<T> sqlQuery(String sql, Class<T> type, Map<String, ?> parameters) {
        checkOpen();
        autoflush();
        return new RawSql(this, engine.namedSql(sql), parameters).list(type);
    }

    @Override
    public <T> List<T> sqlQuery(String sql, Class<T> type) {
        return sqlQuery(sql, type, Map.of());
    }

    @Override
    public List<Row> sqlRows(String sql, Map<String, ?> parameters) {
        checkOpen();
        autoflush();
        return new RawSql(this, engine.namedSql(sql), parameters).rows();
    }

    // ---- pre-rendered statements

    @Override
    public <T> List<T> list(EntityModel<T> model, SqlStatement statement, Object[] args) {
        return new RenderedStatements(this).list(model, statement, args);
    }

    @Override
    public <R> List<R> list(SqlStatement statement, Object[] args, ResultMapper<R> mapper) {
        return new RenderedStatements(this).list(statement, args, mapper);
    }

    @Override
    public <T> Stream<T> stream(EntityModel<T> model, SqlStatement statement, Object[] args) {
        return new RenderedStatements(this).stream(model, statement, args);
    }

    @Override
    public <R> Stream<R> stream(SqlStatement statement, Object[] args, ResultMapper<R> mapper) {
        return new RenderedStatements(this).stream(statement, args, mapper);
    }

    @Override
    public <T> List<T> listByColumnLabel(EntityModel<T> model, SqlStatement statement, Object[] args) {
        return new RenderedStatements(this).listByColumnLabel(model, statement, args);
    }

    @Override
    public <T> Stream<T> streamByColumnLabel(EntityModel<T> model, SqlStatement statement, Object[] args) {
        return new RenderedStatements(this).streamByColumnLabel(model, statement, args);
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

    // ---- package-private plumbing for queries, loaders and the flusher

    UnitOfWork work() {
        return work;
    }

    RowLoader loader() {
        return loader;
    }

    /** The transaction's connection, begun on first use. */
    Connection connection() {
        checkOpen();
        return connection.get();
    }

    <R> R runQuery(String task, SqlStatement statement, Object[] args, StatementExecutor.ResultReader<R> reader) {
        return engine.executor().query(connection(), task, statement, args, reader);
    }

    int runUpdate(String task, SqlStatement statement, Object[] args) {
        return engine.executor().update(connection(), task, statement, args);
    }

    <T> Stream<T> runStream(String task, SqlStatement statement, Object[] args,
            StatementExecutor.ResultStream.RowMapper<T> mapper) {
        return engine.executor().stream(connection(), task, statement, args, mapper);
    }

    void autoflush() {
        if (options.autoflush() && !options.readOnly() && work.mayNeedFlush()) {
            flush();
        }
    }

    void checkWritable(String operation) {
        checkOpen();
        if (options.readOnly()) {
            throw new SessionStateException("Cannot " + operation + " in a read-only session; open a read-write session");
        }
    }

    void checkOpen() {
        checkNotClosed();
        if (failedFlush != null) {
            throw new PendingRollbackException("This Session's transaction has been rolled back due to a previous "
                    + "exception during flush (" + failedFlush.getMessage() + "). To begin a new transaction with this "
                    + "Session, first call session.rollback()", failedFlush);
        }
    }

    private void checkNotClosed() {
        if (closed) {
            throw new SessionStateException("This Session is closed; open a new one from the SessionFactory");
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object instance) {
        return (T) instance;
    }

    @SuppressWarnings("unchecked")
    private static <T> T castWith(EntityModel<?> model, Object entity, PropertyModel property, Object value) {
        return ((EntityModel<T>) model).with((T) entity, property, value);
    }

    @Override
    public String toString() {
        return "Session[" + engine + (closed ? ", closed" : "") + "]";
    }
}
