package io.quarry.session;

import io.quarry.mapping.Property;
import io.quarry.sql.Expression;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A unit of work, as in SQLAlchemy: an identity map (one instance per row), pending, dirty and
 * deleted objects written at {@link #flush()} in a deterministic order with JDBC batches, a
 * transaction begun on first use and ended by {@link #commit()} or {@link #rollback()}, and
 * {@link #query(Class)} for reads. Autoflush runs pending changes before each query.
 *
 * <p>Open one from an {@link Engine} or a {@link SessionFactory}; in a Spring application inject the
 * shared {@code Session} bean, which always means the session of the current transaction.
 * Implementations are not thread-safe unless they say so: use one session per thread (per
 * request, per transaction) and close it.
 */
public interface Session extends AutoCloseable {

    Engine engine();

    SessionOptions options();

    // ---- adding, getting, deleting

    /**
     * Makes {@code entity} pending: it is inserted at the next flush. Adding an object already in
     * the session does nothing; adding a deleted one undoes the delete. Returns {@code entity}, or for
     * a record given a generated UUID id, the copy that carries it.
     */
    <T> T add(T entity);

    /** Adds every entity of {@code entities}. */
    void addAll(Collection<?> entities);

    /** {@link #addAll(Collection)} for an array or varargs. */
    void addAll(Object... entities);

    /**
     * The entity of {@code type} with {@code id}: from the identity map when held (no SQL), else
     * by one SELECT; {@code null} when there is no such row.
     */
    <T> T get(Class<T> type, Object id);

    /**
     * Marks a persistent entity for deletion at the next flush; a pending one is simply dropped. For an
     * entity with a {@link io.quarry.mapping.SoftDelete} property the flush sets that property in one UPDATE
     * (by id and version) instead of removing the row, and queries leave the row out from then on.
     */
    void delete(Object entity);

    /** {@link #delete(Object)} that removes the row even when the entity soft-deletes (its cascades remove theirs too). */
    void hardDelete(Object entity);

    /**
     * Copies the state of {@code entity} onto the instance this session holds for its id (loading
     * it if needed), or adds a copy when the row does not exist; returns the managed instance. A new
     * object ({@link io.quarry.mapping.Persistable#isNew()}, else a null or primitive-0 version, else an
     * unset id) is added without looking for its row, so a taken id fails as a duplicate key at the flush.
     */
    <T> T merge(T entity);

    /**
     * Inserts each entity or, when a row with its id exists, updates every column, in one native
     * statement per batch ({@code on conflict}, {@code on duplicate key update}, {@code merge}). The
     * entities need assigned ids; they are not added to the session.
     */
    int upsertAll(Collection<?> entities);

    // ---- state

    /** Whether {@code entity} is pending or persistent in this session. */
    boolean contains(Object entity);

    /** Where {@code entity} stands with respect to this session. */
    ObjectState stateOf(Object entity);

    /** Whether a flush would write anything: pending, deleted or changed objects. */
    boolean isDirty();

    /** Removes {@code entity} from the session without touching the database; it becomes detached. */
    void expunge(Object entity);

    /** Removes every object from the session, discarding unflushed changes. */
    void clear();

    /** Reloads {@code entity}'s columns from the database, discarding its unflushed changes. */
    void refresh(Object entity);

    // ---- flush and transactions

    /** Writes pending inserts, changes and deletes to the database, in one deterministic order. */
    void flush();

    /** Flushes, then commits the transaction (when this session runs it) and releases the connection. */
    void commit();

    /**
     * Rolls the transaction back: pending objects become transient again, deleted ones persistent,
     * and every loaded object is expired (reloaded by the next get, query or refresh). Also clears
     * the state left by a failed flush.
     */
    void rollback();

    /** Whether a transaction (and a connection) is in use. */
    boolean isInTransaction();

    /** Rolls back what is open and releases the connection; the session cannot be used again. */
    @Override
    void close();

    // ---- queries

    /** A query for whole entities of {@code type}. */
    <T> Query<T> query(Class<T> type);

    /** A query for columns and aggregates of {@code type}'s table: {@code select(Host.class, col("port"), count())}. */
    RowQuery select(Class<?> type, Expression... expressions);

    /** A query for columns and aggregates, the table taken from the first property: {@code select(Host::getPort, count())}. */
    <T> RowQuery select(Property<T, ?> first, Expression... more);

    /**
     * A query for columns and aggregates, the table taken from the entity the first column starts
     * from: {@code select(path(Host::getDatacenter, Datacenter::getRegion), count())} reads hosts,
     * joined to their datacenters. A column named by string does not say its entity: use
     * {@link #select(Class, Expression...)}.
     */
    default RowQuery select(io.quarry.sql.Column<?> first, Expression... more) {
        if (first.rootType() == null) {
            throw new io.quarry.QuarryException("select(col(\"" + first.label() + "\"), ...) does not say which entity "
                    + "to read; name it: select(Entity.class, col(\"" + first.label() + "\"), ...)");
        }
        Expression[] all = new Expression[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return select(first.rootType(), all);
    }

    /** Runs hand-written SQL with {@code :name} parameters (bound, never concatenated); returns the update count. */
    int execute(String sql, Map<String, ?> parameters);

    /** Runs hand-written SQL without parameters; returns the update count. */
    int execute(String sql);

    /** Runs a hand-written query and maps each row to {@code type} by column name (entities join the identity map). */
    <T> List<T> sqlQuery(String sql, Class<T> type, Map<String, ?> parameters);

    /** {@link #sqlQuery(String, Class, Map)} without parameters. */
    <T> List<T> sqlQuery(String sql, Class<T> type);

    /** Runs a hand-written query and returns its rows. */
    List<Row> sqlRows(String sql, Map<String, ?> parameters);
}
