package io.quarry.session;

import io.quarry.PendingRollbackException;
import io.quarry.QuarryException;
import io.quarry.SessionStateException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.GenerationType;
import io.quarry.sql.Sql;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The session: the user API of {@link Session} and the pre-rendered statements of
 * {@link StatementSession} (read by {@link RenderedStatements}); the transaction events of
 * {@link SessionTransaction} reach it through an {@link ExternalTransaction}. Object states live in
 * its {@link UnitOfWork}, the connection in its {@link SessionConnection}; every statement runs
 * through the engine's {@link StatementExecutor}. Not thread-safe.
 */
final class DefaultSession extends SessionSupport {

    private final Engine engine;
    private final SessionOptions options;
    private final UnitOfWork work = new UnitOfWork();
    private final SessionConnection connection;
    private final OpenStreams streams = new OpenStreams();
    private final StatementTimeout timeout;
    private QuarryException failedFlush;
    private boolean closed;

    DefaultSession(Engine engine, ConnectionProvider provider, SessionOptions options) {
        super(engine.nPlusOneDetector(options));
        this.engine = engine;
        this.connection = new SessionConnection(engine, provider, options);
        this.options = options;
        this.timeout = StatementTimeout.ofSession(options.queryTimeout(), engine.queryTimeout(), provider, connection);
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
            state.instance = Sessions.with(model, entity, model.id(), model.id().javaType() == String.class ? uuid.toString() : uuid);
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
            return state.state == ObjectState.REMOVED || Sessions.markedDeleted(state) ? null : type.cast(state.instance);
        }
        List<T> found = list(model, engine.statements().byId(model), new Object[] {key});
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public void delete(Object entity) {
        delete(entity, false);
    }

    @Override
    public void hardDelete(Object entity) {
        delete(entity, true);
    }

    private void delete(Object entity, boolean hard) {
        checkWritable("delete");
        EntityState state = work.stateOf(entity);
        if (state == null) {
            throw new SessionStateException("Cannot delete " + Sessions.describe(entity) + ": it is not in this session "
                    + "(transient or detached). Load it with get(...) first, or use a bulk query(...).filter(...).delete()");
        }
        state.hardDelete = hard;
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
        if (model.hasUnsetId(entity) || model.isNew(entity)) {
            return add(entity); // new (Persistable, version or id say so): inserted without looking for its row
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
        Sessions.copyState(model, entity, managed);
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
        return engine.model(entity.getClass()).isNew(entity) ? ObjectState.TRANSIENT : ObjectState.DETACHED;
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
        Object reloaded = query(state.model.type()).includeDeleted().filter(Sql.col(state.model.id().name()).eq(state.id))
                .oneOrNull();
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
        RelationFlush relations = RelationFlush.prepare(this, work);
        FlushPlan plan = work.flushPlan();
        if (plan.isEmpty() && relations.isEmpty()) {
            return;
        }
        EntityCallbacks callbacks = engine.callbacks;
        EntityCallbacks.Changes changes = null;
        try {
            if (callbacks != null) {
                changes = new EntityCallbacks.Changes(work);
                if (callbacks.beforeWrite(plan, changes)) {
                    // listeners may have changed more columns: dirty checking decides after them
                    plan = work.flushPlan();
                }
            }
            new Flusher(this, connection()).execute(plan, relations);
        } catch (QuarryException e) {
            if (changes != null) {
                changes.undo();
            }
            connection.rollbackAfter(e);
            failedFlush = e;
            throw e;
        }
        work.finishFlush(plan);
        relations.finish();
    }

    @Override
    public void commit() {
        checkOpen();
        streams.closeAll("commit");
        flush();
        connection.commit();
        endTransaction(true);
    }

    @Override
    public void rollback() {
        checkNotClosed();
        streams.closeAll("rollback");
        connection.rollback();
        endTransaction(false);
    }

    @Override
    public boolean isInTransaction() {
        return connection.isOpen();
    }

    @Override
    boolean closed() {
        return closed;
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

    // ---- the transaction run by someone else (see ExternalTransaction)

    /** A mark to roll back to: flushes first, so that what was pending lies before it. */
    UnitOfWork.Mark savepointSet() {
        checkOpen();
        UnitOfWork.Mark mark = work.mark();
        flush();
        return mark;
    }

    /** The transaction rolled back to {@code mark}: undo in memory what it undid in the database. */
    void afterSavepointRollback(UnitOfWork.Mark mark) {
        checkNotClosed();
        work.rollBackTo(mark);
        failedFlush = null;
        connection.afterSavepointRollback();
    }

    /** The transaction is about to end (commit or rollback) without this session running it. */
    void beforeCompletion() {
        streams.closeAll("the end of the transaction");
    }

    /** The transaction ended (committed or not) without this session running it. */
    void afterCompletion(boolean committed) {
        if (!closed) {
            endTransaction(committed);
        }
    }

    private void endTransaction(boolean committed) {
        EntityCallbacks callbacks = engine.callbacks;
        List<Object> written = committed && callbacks != null ? work.writtenInTransaction() : null;
        if (committed) {
            work.afterCommit();
        } else {
            work.afterRollback();
        }
        failedFlush = null;
        connection.release();
        if (written != null) {
            callbacks.afterCommit(written);
        }
    }

    // ---- package-private plumbing for queries, loaders and the flusher

    @Override
    UnitOfWork work() {
        return work;
    }

    @Override
    StatementTimeout sessionTimeout() {
        return timeout;
    }

    @Override
    OpenStreams streams() {
        return streams;
    }

    @Override
    Connection connection() {
        checkOpen();
        return connection.get();
    }

    @Override
    void autoflush() {
        if (options.autoflush() && !options.readOnly() && work.mayNeedFlush()) {
            flush();
        }
    }

    @Override
    void checkWritable(String operation) {
        checkOpen();
        if (options.readOnly()) {
            throw new SessionStateException("Cannot " + operation + " in a read-only session; open a read-write session");
        }
    }

    @Override
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

    @Override
    public String toString() {
        return "Session[" + engine + (closed ? ", closed" : "") + "]";
    }
}
