package io.quarry.session;

import io.quarry.MappingException;
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
import io.quarry.types.Numbers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A unit of work, as in SQLAlchemy: an identity map (one instance per row), pending, dirty and
 * deleted objects written at {@link #flush()} in a deterministic order with JDBC batches, a
 * transaction begun on first use and ended by {@link #commit()} or {@link #rollback()}, and
 * {@link #query(Class)} for reads. Autoflush runs pending changes before each query.
 *
 * <p>Not thread-safe: use one session per thread (per request, per transaction) and close it.
 *
 * <p>Not final only so that an integration can decorate it: a subclass made with the protected
 * constructor has no state of its own and must override every public method to delegate to a real
 * session (the Spring starter's shared session delegates to the session of the current transaction).
 */
public class Session implements AutoCloseable {

    private final Engine engine;
    private final SessionOptions options;
    final UnitOfWork work = new UnitOfWork();
    private final RowLoader loader;
    private final SessionConnection connection;
    private QuarryException failedFlush;
    private boolean closed;

    Session(Engine engine, ConnectionProvider provider, SessionOptions options) {
        this.engine = engine;
        this.connection = new SessionConnection(engine, provider, options);
        this.options = options;
        this.loader = new RowLoader(this);
    }

    /**
     * For a delegating subclass: a session without engine, connections or state, which must never
     * reach this class's own methods.
     */
    protected Session() {
        this.engine = null;
        this.connection = null;
        this.options = null;
        this.loader = null;
    }

    public Engine engine() {
        return engine;
    }

    public SessionOptions options() {
        return options;
    }

    // ---- adding, getting, deleting

    /**
     * Makes {@code entity} pending: it is inserted at the next flush. Adding an object already in
     * the session does nothing; adding a deleted one undoes the delete. Returns {@code entity}.
     */
    public <T> T add(T entity) {
        checkWritable("add");
        EntityState state = work.states.get(entity);
        if (state != null) {
            if (state.state == ObjectState.REMOVED && work.deleted.remove(state)) {
                state.state = ObjectState.PERSISTENT;
            }
            return entity;
        }
        EntityModel<?> model = engine.model(entity.getClass());
        state = new EntityState(model, entity, ObjectState.PENDING);
        if (model.hasUnsetId(entity) && model.id().generation() == GenerationType.UUID) {
            UUID uuid = UUID.randomUUID();
            Object value = model.id().javaType() == String.class ? uuid.toString() : uuid;
            state.instance = castWith(model, entity, model.id(), value);
            state.idGenerated = true;
        }
        if (!model.hasUnsetId(state.instance)) {
            state.id = model.idOf(state.instance);
            EntityState holder = work.identityMap.get(state.key());
            if (holder != null && holder.state == ObjectState.REMOVED) {
                throw new SessionStateException("Cannot add " + describe(state.instance) + ": the row with id " + state.id
                        + " is work.deleted in this session but not yet flushed; call flush() between the delete and the add");
            }
            if (holder != null && holder.instance != state.instance) {
                throw new SessionStateException("Cannot add " + describe(state.instance) + ": the session already holds "
                        + describe(holder.instance) + " with the same id " + state.id + " (" + holder.state
                        + "). Change that instance instead, or use merge(...) to copy this one's state onto it");
            }
            work.identityMap.put(state.key(), state);
        }
        work.states.put(state.instance, state);
        work.pending.add(state);
        @SuppressWarnings("unchecked")
        T added = (T) state.instance;
        return added;
    }

    /** Adds every entity of {@code entities}. */
    public void addAll(Collection<?> entities) {
        for (Object entity : entities) {
            add(entity);
        }
    }

    /** {@link #addAll(Collection)} for an array or varargs. */
    public void addAll(Object... entities) {
        addAll(Arrays.asList(entities));
    }

    /**
     * The entity of {@code type} with {@code id}: from the identity map when held (no SQL), else
     * by one SELECT; {@code null} when there is no such row.
     */
    public <T> T get(Class<T> type, Object id) {
        checkOpen();
        EntityModel<T> model = engine.model(type);
        Object key = coerceId(model, id);
        EntityState state = work.identityMap.get(new EntityState.EntityKey(type, key));
        if (state != null && !state.expired) {
            return state.state == ObjectState.REMOVED ? null : type.cast(state.instance);
        }
        List<T> found = list(model, engine.byIdStatement(model), new Object[] {key});
        return found.isEmpty() ? null : found.get(0);
    }

    /** Marks a persistent entity for deletion at the next flush; a pending one is simply dropped. */
    public void delete(Object entity) {
        checkWritable("delete");
        EntityState state = work.states.get(entity);
        if (state == null) {
            throw new SessionStateException("Cannot delete " + describe(entity) + ": it is not in this session ("
                    + "transient or detached). Load it with get(...) first, or use a bulk query(...).filter(...).delete()");
        }
        if (state.state == ObjectState.PENDING) {
            work.pending.remove(state);
            work.forget(state);
            return;
        }
        if (state.state == ObjectState.PERSISTENT) {
            // stays in the identity map until flushed, so get(...) answers null without a SELECT
            state.state = ObjectState.REMOVED;
            work.deleted.add(state);
        }
    }

    /**
     * Copies the state of {@code entity} onto the instance this session holds for its id (loading
     * it if needed), or adds a copy when the row does not exist; returns the managed instance.
     */
    @SuppressWarnings("unchecked")
    public <T> T merge(T entity) {
        checkWritable("merge");
        EntityState known = work.states.get(entity);
        if (known != null) {
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
        EntityState state = work.states.get(managed);
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

    /**
     * Inserts each entity or, when a row with its id exists, updates every column, in one native
     * statement per batch ({@code on conflict}, {@code on duplicate key update}, {@code merge}). The
     * entities need assigned ids; they are not added to the session.
     */
    public int upsertAll(Collection<?> entities) {
        checkWritable("upsert");
        autoflush();
        return new Upserter(this).upsert(entities);
    }

    // ---- state

    /** Whether {@code entity} is pending or persistent in this session. */
    public boolean contains(Object entity) {
        EntityState state = work.states.get(entity);
        return state != null && (state.state == ObjectState.PENDING || state.state == ObjectState.PERSISTENT);
    }

    /** Where {@code entity} stands with respect to this session. */
    public ObjectState stateOf(Object entity) {
        EntityState state = work.states.get(entity);
        if (state != null) {
            return state.state;
        }
        EntityModel<?> model = engine.model(entity.getClass());
        return model.hasUnsetId(entity) ? ObjectState.TRANSIENT : ObjectState.DETACHED;
    }

    /** Whether a flush would write anything: pending, deleted or changed objects. */
    public boolean isDirty() {
        return !work.pending.isEmpty() || !work.deleted.isEmpty() || !FlushPlan.build(List.of(), work.states.values(), List.of()).isEmpty();
    }

    /** Removes {@code entity} from the session without touching the database; it becomes detached. */
    public void expunge(Object entity) {
        EntityState state = work.states.get(entity);
        if (state != null) {
            work.pending.remove(state);
            work.deleted.remove(state);
            work.forget(state);
        }
    }

    /** Removes every object from the session, discarding unflushed changes. */
    public void clear() {
        work.clear();
    }

    /** Reloads {@code entity}'s columns from the database, discarding its unflushed changes. */
    public void refresh(Object entity) {
        checkOpen();
        EntityState state = work.states.get(entity);
        if (state == null || state.state != ObjectState.PERSISTENT) {
            throw new SessionStateException("Cannot refresh " + describe(entity) + ": it is not persistent in this "
                    + "session (state " + stateOf(entity) + ")");
        }
        state.expired = true;
        Object reloaded = query(state.model.type()).filter(Sql.col(state.model.id().name()).eq(state.id)).oneOrNull();
        if (reloaded == null) {
            work.forget(state);
            throw new io.quarry.NoResultException("Cannot refresh " + describe(entity) + ": its row was deleted");
        }
    }

    // ---- flush and transactions

    /** Writes pending inserts, changes and deletes to the database, in one deterministic order. */
    public void flush() {
        checkOpen();
        if (options.readOnly()) {
            return;
        }
        FlushPlan plan = FlushPlan.build(work.pending, work.states.values(), work.deleted);
        if (plan.isEmpty()) {
            return;
        }
        Connection current = connection();
        try {
            new Flusher(this, engine, current).execute(plan);
        } catch (QuarryException e) {
            failFlush(e);
            throw e;
        } catch (SQLException e) {
            QuarryException translated = engine.runner().translate("flush", null, e);
            failFlush(translated);
            throw translated;
        }
        work.finishFlush(plan);
    }

    /**
     * Flushes, then returns what each of {@code instances} (objects this session holds) has become:
     * the same object for plain classes; for records rebuilt during the flush (a generated id, a new
     * version) the new copy. Repositories use it to hand back saved records.
     */
    public <T> List<T> flush(List<T> instances) {
        List<EntityState> held = new ArrayList<>(instances.size());
        for (T instance : instances) {
            EntityState state = work.states.get(instance);
            if (state == null) {
                throw new SessionStateException("Cannot flush " + describe(instance) + ": it is not in this session; "
                        + "add(...) or merge(...) it first");
            }
            held.add(state);
        }
        flush();
        List<T> result = new ArrayList<>(held.size());
        for (EntityState state : held) {
            @SuppressWarnings("unchecked")
            T current = (T) state.instance;
            result.add(current);
        }
        return result;
    }

    /** Flushes, then commits the transaction (when this session runs it) and releases the connection. */
    public void commit() {
        checkOpen();
        flush();
        connection.commit();
        endTransaction(true);
    }

    /**
     * Rolls the transaction back: pending objects become transient again, deleted ones persistent,
     * and every loaded object is expired (reloaded by the next get, query or refresh). Also clears
     * the state left by a failed flush.
     */
    public void rollback() {
        checkNotClosed();
        connection.rollback();
        endTransaction(false);
    }

    /**
     * For integrations that run the transaction themselves (the Spring starter): the transaction
     * ended, committed or not; settle object states and let go of the connection.
     */
    public void afterTransaction(boolean committed) {
        if (!closed) {
            endTransaction(committed);
        }
    }

    /**
     * For integrations that run savepoints themselves (Spring's NESTED propagation): call it right
     * after the savepoint is set. Flushes pending changes and returns the mark to hand to
     * {@link #afterSavepointRollback}. What this flush writes lies inside the savepoint; to keep
     * changes made before the savepoint out of its reach, flush before setting it.
     */
    public Object savepointSet() {
        checkOpen();
        SavepointMark mark = new SavepointMark(work.insertedInTransaction.size(), work.updatedInTransaction.size());
        flush();
        return mark;
    }

    /**
     * For integrations that run savepoints themselves: the transaction is rolling back to the savepoint
     * whose {@link #savepointSet() mark} is given. Objects added or inserted since become transient
     * again, deletes since are undone, objects updated since are expired (reloaded by the next get,
     * query or refresh); everything older is left as it is. Also clears the state of a failed flush.
     */
    public void afterSavepointRollback(Object savepoint) {
        checkNotClosed();
        if (!(savepoint instanceof SavepointMark mark) || mark.inserted > work.insertedInTransaction.size()
                || mark.updated > work.updatedInTransaction.size()) {
            throw new SessionStateException("Unknown savepoint mark " + savepoint + "; pass what savepointSet() returned"
                    + " in this transaction");
        }
        work.undo(mark.inserted);
        List<EntityState> updated = work.updatedInTransaction.subList(mark.updated, work.updatedInTransaction.size());
        updated.forEach(state -> state.expired = true);
        updated.clear();
        failedFlush = null;
    }

    /** Where a savepoint was set: how many inserts and updates the transaction had flushed then. */
    private record SavepointMark(int inserted, int updated) {
    }

    void rollbackQuietly(Throwable cause) {
        try {
            rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Whether a transaction (and a connection) is in use. */
    public boolean isInTransaction() {
        return connection.isOpen();
    }

    /** Rolls back what is open and releases the connection; the session cannot be used again. */
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

    // ---- queries

    /** A query for whole entities of {@code type}. */
    public <T> Query<T> query(Class<T> type) {
        checkOpen();
        return new Query<>(this, engine.model(type));
    }

    /** A query for columns and aggregates of {@code type}'s table: {@code select(Host.class, col("port"), count())}. */
    public RowQuery select(Class<?> type, Expression... expressions) {
        checkOpen();
        return new RowQuery(this, engine.model(type), List.of(expressions));
    }

    /** A query for columns and aggregates, the table taken from the first property: {@code select(Host::getPort, count())}. */
    public <T> RowQuery select(Property<T, ?> first, Expression... more) {
        List<Expression> all = new ArrayList<>();
        all.add(Sql.col(first));
        all.addAll(Arrays.asList(more));
        return new RowQuery(this, engine.model(PropertyRefs.resolve(first).entityType()), all);
    }

    /** Runs hand-written SQL with {@code :name} parameters (bound, never concatenated); returns the update count. */
    public int execute(String sql, Map<String, ?> parameters) {
        checkWritable("execute");
        autoflush();
        return new RawSql(this, engine.namedSql(sql), parameters).executeUpdate();
    }

    public int execute(String sql) {
        return execute(sql, Map.of());
    }

    /** Runs a hand-written query and maps each row to {@code type} by column name (entities join the identity map). */
    public <T> List<T> sqlQuery(String sql, Class<T> type, Map<String, ?> parameters) {
        checkOpen();
        autoflush();
        return new RawSql(this, engine.namedSql(sql), parameters).list(type);
    }

    public <T> List<T> sqlQuery(String sql, Class<T> type) {
        return sqlQuery(sql, type, Map.of());
    }

    /** Runs a hand-written query and returns its rows. */
    public List<Row> sqlRows(String sql, Map<String, ?> parameters) {
        checkOpen();
        autoflush();
        return new RawSql(this, engine.namedSql(sql), parameters).rows();
    }

    // ---- pre-rendered statements (repositories render SQL once, at start-up)

    /** Runs a SELECT of {@code model}'s columns in property order (as {@code Select.from(model)} renders them). */
    public <T> List<T> list(EntityModel<T> model, SqlStatement statement, Object[] args) {
        checkOpen();
        autoflush();
        return Jdbc.query(this, "query " + model.type().getSimpleName(), statement, args, resultSet -> {
            List<T> result = new ArrayList<>();
            while (resultSet.next()) {
                result.add(loader.load(resultSet, model, null, true));
            }
            return result;
        });
    }

    /** Runs a SELECT and maps each row with {@code mapper}. */
    public <R> List<R> list(SqlStatement statement, Object[] args, ResultMapper<R> mapper) {
        checkOpen();
        autoflush();
        return Jdbc.query(this, "query", statement, args, resultSet -> {
            List<R> result = new ArrayList<>();
            while (resultSet.next()) {
                result.add(mapper.map(resultSet));
            }
            return result;
        });
    }

    /**
     * Streams {@code model}'s rows; the stream holds the statement open until closed. Streamed
     * objects are not added to the identity map (memory stays constant however many rows pass);
     * an object the session already holds is returned as it is.
     */
    public <T> java.util.stream.Stream<T> stream(EntityModel<T> model, SqlStatement statement, Object[] args) {
        checkOpen();
        autoflush();
        return ResultStream.of(this, "query " + model.type().getSimpleName(), statement, args,
                resultSet -> loader.load(resultSet, model, null, false));
    }

    /** Streams rows mapped with {@code mapper}; the stream holds the statement open until closed. */
    public <R> java.util.stream.Stream<R> stream(SqlStatement statement, Object[] args, ResultMapper<R> mapper) {
        checkOpen();
        autoflush();
        return ResultStream.of(this, "query", statement, args, mapper::map);
    }

    /**
     * Runs a hand-written SELECT and loads {@code model}'s entities, matching result columns to
     * properties by label (so {@code select *} works whatever the column order).
     */
    public <T> List<T> listByColumnLabel(EntityModel<T> model, SqlStatement statement, Object[] args) {
        checkOpen();
        autoflush();
        return Jdbc.query(this, "SQL query of " + model.type().getSimpleName(), statement, args, resultSet -> {
            int[] columns = RawSql.entityColumns(model, resultSet);
            List<T> result = new ArrayList<>();
            while (resultSet.next()) {
                result.add(loader.load(resultSet, model, columns, true));
            }
            return result;
        });
    }

    /** {@link #listByColumnLabel} as a stream that holds the statement open until closed; rows are not tracked. */
    public <T> java.util.stream.Stream<T> streamByColumnLabel(EntityModel<T> model, SqlStatement statement,
            Object[] args) {
        checkOpen();
        autoflush();
        int[][] columns = new int[1][];
        return ResultStream.of(this, "SQL query of " + model.type().getSimpleName(), statement, args, resultSet -> {
            if (columns[0] == null) {
                columns[0] = RawSql.entityColumns(model, resultSet);
            }
            return loader.load(resultSet, model, columns[0], false);
        });
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the row count. Does not touch the identity map. */
    public int executeUpdate(SqlStatement statement, Object[] args) {
        checkWritable("execute");
        autoflush();
        return Jdbc.update(this, "execute", statement, args);
    }

    /**
     * A bulk DELETE or UPDATE of {@code model} that keeps the identity map in step: when the session
     * holds objects of the table, {@code selectIds} (a SELECT of the id with the same conditions) runs
     * first; afterwards matching objects are detached (delete) or reloaded (update).
     */
    public int executeBulk(EntityModel<?> model, SqlStatement statement, SqlStatement selectIds, Object[] args,
            boolean delete) {
        checkWritable(delete ? "delete" : "update");
        return BulkWriter.run(this, model, statement, selectIds, args, delete);
    }

    // ---- package-private plumbing for queries, loaders and the flusher

    RowLoader loader() {
        return loader;
    }

    /** The transaction's connection, begun on first use. */
    Connection connection() {
        checkOpen();
        return connection.get();
    }

    void autoflush() {
        if (options.autoflush() && !options.readOnly()
                && (!work.pending.isEmpty() || !work.deleted.isEmpty() || !work.states.isEmpty())) {
            flush();
        }
    }

    /** The state of a loaded or added instance, or null. */
    EntityState stateOfInstance(Object instance) {
        return work.states.get(instance);
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

    private void failFlush(QuarryException e) {
        connection.rollbackAfter(e);
        failedFlush = e;
    }

    private void endTransaction(boolean committed) {
        if (!committed) {
            work.undo(0);
            for (EntityState state : work.states.values()) {
                state.expired = true;
            }
        }
        work.insertedInTransaction.clear();
        work.updatedInTransaction.clear();
        failedFlush = null;
        connection.release();
    }

    @SuppressWarnings("unchecked")
    private static <T> T castWith(EntityModel<?> model, Object entity, PropertyModel property, Object value) {
        return ((EntityModel<T>) model).with((T) entity, property, value);
    }

    static Object coerceId(EntityModel<?> model, Object id) {
        if (id == null) {
            throw new QuarryException("get(" + model.type().getSimpleName() + ", null): an id is required");
        }
        Class<?> type = model.id().javaType();
        Class<?> boxed = Numbers.boxed(type);
        if (boxed.isInstance(id)) {
            return id;
        }
        if (id instanceof Number number) {
            Object converted = Numbers.convertExactly(number, boxed);
            if (converted != null) {
                return converted;
            }
        }
        throw new MappingException("Id " + id + " (" + id.getClass().getSimpleName() + ") does not fit the id of "
                + model.type().getSimpleName() + ", which is " + type.getSimpleName());
    }

    static String describe(Object entity) {
        return entity.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(entity));
    }
}
