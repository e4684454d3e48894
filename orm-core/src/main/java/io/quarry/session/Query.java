package io.quarry.session;

import io.quarry.NoResultException;
import io.quarry.NonUniqueResultException;
import io.quarry.sql.Assignment;
import io.quarry.sql.Expression;
import io.quarry.sql.Order;
import io.quarry.sql.Predicate;
import io.quarry.sql.Select;
import io.quarry.sql.SqlStatement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A query for whole entities, as SQLAlchemy's {@code session.query(Host)}: immutable, every
 * method returns a new query; terminal methods ({@link #all()}, {@link #one()}, {@link #count()},
 * {@link #stream()}, bulk {@link #update}/{@link #delete()}) run SQL on the session's connection,
 * after autoflush. Properties are checked against the model when a condition is added. Not
 * thread-safe (it belongs to a session).
 *
 * @param <T> the entity type
 */
public interface Query<T> {

    // ---- building

    /** Adds conditions, ANDed with those already given: {@code filter(col(Host::getPort).gt(22))}. */
    Query<T> filter(Predicate... predicates);

    /** Equality conditions by property name, as SQLAlchemy's filter_by: {@code filterBy("hostname", "web-1")}. */
    Query<T> filterBy(String property, Object value, Object... morePairs);

    /** Equality conditions by property name; a null value means IS NULL. */
    Query<T> filterBy(Map<String, ?> pairs);

    /** Adds ORDER BY items: {@code orderBy(asc(Host::getHostname), desc("id"))}. */
    Query<T> orderBy(Order... orders);

    Query<T> limit(long rows);

    Query<T> offset(long rows);

    Query<T> distinct();

    /** Locks the rows read until the transaction ends ({@code select ... for update}). */
    Query<T> forUpdate();

    /**
     * Locks the rows read until the transaction ends, failing at once with a
     * {@link io.quarry.LockFailureException} when another transaction holds one of them
     * ({@code for update nowait}) instead of waiting.
     */
    Query<T> forUpdateNowait();

    /**
     * Locks the rows read until the transaction ends and passes over rows another transaction
     * holds ({@code for update skip locked}): the job-queue read, where each worker takes rows
     * nobody else is working on.
     */
    Query<T> forUpdateSkipLocked();

    /**
     * Locks the rows read against changes until the transaction ends while letting other
     * transactions read-lock them too ({@code for share}; MariaDB: {@code lock in share mode}).
     * H2 has no shared row locks and takes the stronger {@code for update}.
     */
    Query<T> forShare();

    /**
     * Loads objects without snapshots and without adding them to the identity map (instances the
     * session already holds are still returned as they are): for large reads and streams.
     */
    Query<T> readOnly();

    /**
     * Loads {@code relation} with the query ({@code with(Host::getTags)}), one statement for all the
     * objects read, instead of on first access. References are always loaded; naming one matters
     * for the paths under it ({@link #with(String)}).
     */
    Query<T> with(io.quarry.mapping.Property<T, ?> relation);

    /**
     * Loads the relations along {@code path} with the query: {@code "tags"}, or a path for depth,
     * {@code "hosts.tags"}; one statement per relation on the path. An unknown name fails here.
     */
    Query<T> with(String path);

    /**
     * Loads the reference {@code reference} through the query's own statement: a LEFT JOIN whose
     * columns follow the entity's, so no statement of its own (the {@code joined} strategy, which
     * {@link io.quarry.mapping.Fetch#JOINED} declares for every query). Referenced objects go through
     * the identity map: one object per row of the referenced table. References only: a collection
     * would repeat rows, so it is refused (use {@link #with(io.quarry.mapping.Property)}).
     */
    Query<T> withJoined(io.quarry.mapping.Property<T, ?> reference);

    /**
     * {@link #withJoined(io.quarry.mapping.Property)} along a path of references:
     * {@code withJoined("replicaOf.datacenter")} joins both. An unknown name or a collection fails here.
     */
    Query<T> withJoined(String path);

    /**
     * The time limit of this query's statements (rounded up to whole seconds), instead of the
     * session's or the engine's; a statement that runs longer is cancelled with a
     * {@link io.quarry.QueryTimeoutException}. In a Spring transaction with a timeout, the time the
     * transaction has left still applies when it is shorter.
     */
    Query<T> timeout(java.time.Duration value);

    /**
     * Reads the rows a {@link io.quarry.mapping.SoftDelete} property marks deleted too, which every query
     * leaves out otherwise; its {@link #update} and {@link #delete()} reach them as well (to restore, or to
     * remove them for good with {@link #hardDelete()}). Entities without the mark have no such rows.
     */
    Query<T> includeDeleted();

    /** A column/aggregate query over the same table and conditions. */
    RowQuery select(Expression... expressions);

    // ---- terminal

    /** Every matching entity. */
    List<T> all();

    /** The first entity in the query's order, or {@code null}. */
    T first();

    /** Exactly one entity; {@link NoResultException} or {@link NonUniqueResultException} otherwise. */
    T one();

    /** The one matching entity or {@code null}; {@link NonUniqueResultException} if several match. */
    T oneOrNull();

    /**
     * The matching entities as a lazily read stream that holds the statement open: close it (use
     * try-with-resources). Streamed objects are not added to the identity map, so memory stays
     * constant over large tables; to change one, {@code merge} it (objects the session already
     * holds are returned as they are).
     */
    Stream<T> stream();

    /** How many rows match (ignores order; respects distinct, limit and offset). */
    long count();

    /** Whether any row matches (reads at most one id). */
    boolean exists();

    /** Page {@code pageNumber} (0-based) of {@code pageSize}; counts only when the page does not tell the total. */
    PageResult<T> page(int pageNumber, int pageSize);

    /**
     * One UPDATE of every matching row, returning the row count; objects of the session that match
     * are reloaded so they show the new values. Refused without conditions: use {@link #updateAll}.
     */
    int update(Assignment... assignments);

    /** One UPDATE of every matching row, even without conditions. */
    int updateAll(Assignment... assignments);

    /**
     * One DELETE of every matching row, returning the row count; matching objects leave the
     * session. Refused without conditions: use {@link #deleteAll()}.
     */
    int delete();

    /**
     * One DELETE of every matching row, even without conditions. For an entity with a
     * {@link io.quarry.mapping.SoftDelete} property, {@link #delete()} and this method mark the rows (one
     * UPDATE) instead of removing them.
     */
    int deleteAll();

    /**
     * One DELETE that removes the matching rows even when the entity soft-deletes (bulk: no cascades),
     * returning the row count; refused without conditions. With {@link #includeDeleted()} it reaches rows
     * already marked: {@code includeDeleted().filter(col(Note::getDeletedAt).lt(cutoff)).hardDelete()}.
     */
    int hardDelete();

    /** The SQL this query runs and its bound values. */
    SqlStatement toSql();

    /** The statement this query describes, for composing. */
    Select statement();
}
