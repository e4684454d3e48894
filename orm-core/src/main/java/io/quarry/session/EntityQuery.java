package io.quarry.session;

import io.quarry.NoResultException;
import io.quarry.NonUniqueResultException;
import io.quarry.QuarryException;
import io.quarry.dialect.RowLock;
import io.quarry.mapping.EntityModel;
import io.quarry.sql.Assignment;
import io.quarry.sql.Expression;
import io.quarry.sql.Order;
import io.quarry.sql.Predicate;
import io.quarry.sql.Select;
import io.quarry.sql.Sql;
import io.quarry.sql.SqlStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@link Query} of a {@link SessionSupport}: a {@link Select} that terminal methods render once
 * and run through the session. Immutable; not thread-safe (it belongs to a session).
 *
 * @param <T> the entity type
 */
final class EntityQuery<T> implements Query<T> {

    private final SessionSupport session;
    private final EntityModel<T> model;
    private final Select select;
    private final boolean readOnly;
    private final StatementTimeout limit;
    private final FetchPlan plan;

    EntityQuery(SessionSupport session, EntityModel<T> model) {
        this(session, model, Select.from(model), false, session.timeout(), FetchPlan.NONE);
    }

    private EntityQuery(SessionSupport session, EntityModel<T> model, Select select, boolean readOnly,
            StatementTimeout limit, FetchPlan plan) {
        this.session = session;
        this.model = model;
        this.select = select;
        this.readOnly = readOnly;
        this.limit = limit;
        this.plan = plan;
    }

    private EntityQuery<T> with(Select value) {
        return new EntityQuery<>(session, model, value, readOnly, limit, plan);
    }

    // ---- loading relations

    @Override
    public Query<T> with(io.quarry.mapping.Property<T, ?> relation) {
        io.quarry.mapping.PropertyRefs.Ref ref = io.quarry.mapping.PropertyRefs.resolve(relation);
        return with(ref.propertyName());
    }

    @Override
    public Query<T> with(String path) {
        return new EntityQuery<>(session, model, select, readOnly, limit,
                plan.plus(model, path, session.engine().models()));
    }

    @Override
    public Query<T> withJoined(io.quarry.mapping.Property<T, ?> reference) {
        return withJoined(io.quarry.mapping.PropertyRefs.resolve(reference).propertyName());
    }

    @Override
    public Query<T> withJoined(String path) {
        return new EntityQuery<>(session, model, select, readOnly, limit,
                plan.plusJoined(model, path, session.engine().models()));
    }

    // ---- building

    /** Adds conditions, ANDed with those already given: {@code filter(col(Host::getPort).gt(22))}. */
    @Override
    public Query<T> filter(Predicate... predicates) {
        List<Predicate> list = Arrays.asList(predicates);
        // resolves the predicates' properties now, so a typo fails here rather than at the terminal call
        check(list, List.of());
        return with(select.where(list));
    }

    /** Equality conditions by property name, as SQLAlchemy's filter_by: {@code filterBy("hostname", "web-1")}. */
    @Override
    public Query<T> filterBy(String property, Object value, Object... morePairs) {
        if (morePairs.length % 2 != 0) {
            throw new QuarryException("filterBy takes property/value pairs; got an odd number of arguments");
        }
        Map<String, Object> pairs = new LinkedHashMap<>();
        pairs.put(property, value);
        for (int i = 0; i < morePairs.length; i += 2) {
            if (!(morePairs[i] instanceof String name)) {
                throw new QuarryException("filterBy: argument " + (i + 3) + " must be a property name, got " + morePairs[i]);
            }
            pairs.put(name, morePairs[i + 1]);
        }
        return filterBy(pairs);
    }

    /** Equality conditions by property name; a null value means IS NULL. */
    @Override
    public Query<T> filterBy(Map<String, ?> pairs) {
        List<Predicate> predicates = new ArrayList<>();
        pairs.forEach((name, value) -> predicates.add(Sql.col(name).eq(value)));
        return filter(predicates.toArray(Predicate[]::new));
    }

    /** Adds ORDER BY items: {@code orderBy(asc(Host::getHostname), desc("id"))}. */
    @Override
    public Query<T> orderBy(Order... orders) {
        List<Order> list = Arrays.asList(orders);
        check(List.of(), list);
        return with(select.orderBy(list));
    }

    @Override
    public Query<T> limit(long rows) {
        return with(select.limit(rows));
    }

    @Override
    public Query<T> offset(long rows) {
        return with(select.offset(rows));
    }

    @Override
    public Query<T> distinct() {
        return with(select.distinct(true));
    }

    /** Locks the rows read until the transaction ends ({@code select ... for update}). */
    @Override
    public Query<T> forUpdate() {
        return with(select.lock(RowLock.UPDATE));
    }

    @Override
    public Query<T> forUpdateNowait() {
        return with(select.lock(RowLock.UPDATE_NOWAIT));
    }

    @Override
    public Query<T> forUpdateSkipLocked() {
        return with(select.lock(RowLock.UPDATE_SKIP_LOCKED));
    }

    @Override
    public Query<T> forShare() {
        return with(select.lock(RowLock.SHARE));
    }

    /**
     * Loads objects without snapshots and without adding them to the identity map (instances the
     * session already holds are still returned as they are): for large reads and streams.
     */
    @Override
    public Query<T> readOnly() {
        return new EntityQuery<>(session, model, select, true, limit, plan);
    }

    @Override
    public Query<T> includeDeleted() {
        return with(select.includeDeleted(true));
    }

    @Override
    public Query<T> timeout(java.time.Duration value) {
        return new EntityQuery<>(session, model, select, readOnly, limit.overriddenBy(value, "the query's timeout"), plan);
    }

    /** A column/aggregate query over the same table and conditions. */
    @Override
    public RowQuery select(Expression... expressions) {
        return new ColumnQuery(session, model, select.columns(List.of(expressions)));
    }

    // ---- terminal

    /** Every matching entity. */
    @Override
    public List<T> all() {
        session.autoflush();
        boolean track = !readOnly;
        FetchPlan effective = effectivePlan();
        JoinedReferences joined = JoinedReferences.of(session, model, effective, track);
        RowLoader<T> loader = RowLoader.atColumns(session, model, track, model.positionalColumns(), joined);
        List<T> result = session.runQuery(limits(), task(), render(withJoinedColumns(select, effective)),
                SessionSupport.NO_ARGS, resultSet -> {
            List<T> rows = new ArrayList<>();
            while (resultSet.next()) {
                rows.add(loader.map(resultSet));
            }
            return rows;
        });
        loader.resolve(effective);
        return loader.complete(result);
    }

    /** The first entity in the query's order, or {@code null}. */
    @Override
    public T first() {
        List<T> result = with(select.limit(1L)).all();
        return result.isEmpty() ? null : result.get(0);
    }

    /** Exactly one entity; {@link NoResultException} or {@link NonUniqueResultException} otherwise. */
    @Override
    public T one() {
        T result = oneOrNull();
        if (result == null) {
            throw new NoResultException("No " + model.type().getSimpleName() + " matches " + describeWhere());
        }
        return result;
    }

    /** The one matching entity or {@code null}; {@link NonUniqueResultException} if several match. */
    @Override
    public T oneOrNull() {
        List<T> result = with(select.limit(2L)).all();
        if (result.size() > 1) {
            throw new NonUniqueResultException("More than one " + model.type().getSimpleName() + " matches "
                    + describeWhere() + "; use first() or all(), or add conditions");
        }
        return result.isEmpty() ? null : result.get(0);
    }

    /**
     * The matching entities as a lazily read stream that holds the statement open: close it (use
     * try-with-resources). Streamed objects are not added to the identity map, so memory stays
     * constant over large tables; to change one, {@code merge} it (objects the session already
     * holds are returned as they are).
     */
    @Override
    public Stream<T> stream() {
        session.autoflush();
        if (!model.relations().isEmpty()) {
            return RelationStreams.stream(session, limits(), task(), render(select), SessionSupport.NO_ARGS, model, false,
                    false, plan);
        }
        return session.runStream(limits(), task(), render(select), SessionSupport.NO_ARGS,
                session.rowLoaderPerResultSet(model, false));
    }

    /** How many rows match (ignores order; respects distinct, limit and offset). */
    @Override
    public long count() {
        session.autoflush();
        SqlStatement statement = session.engine().statements().selects().renderCount(select);
        return session.runQuery(limit, task(), statement, SessionSupport.NO_ARGS, resultSet -> {
            resultSet.next();
            return resultSet.getLong(1);
        });
    }

    /** Whether any row matches (reads at most one id). */
    @Override
    public boolean exists() {
        session.autoflush();
        Select probe = select.withoutOrder().columns(List.of(Sql.col(model.id().name()))).limit(1L);
        return session.runQuery(limit, task(), render(probe), SessionSupport.NO_ARGS, java.sql.ResultSet::next);
    }

    /** Page {@code pageNumber} (0-based) of {@code pageSize}; counts only when the page does not tell the total. */
    @Override
    public PageResult<T> page(int pageNumber, int pageSize) {
        if (pageNumber < 0 || pageSize < 1) {
            throw new QuarryException("page(" + pageNumber + ", " + pageSize + "): the page number must be >= 0 and the "
                    + "size >= 1");
        }
        List<T> content = with(select.limit((long) pageSize).offset((long) pageNumber * pageSize)).all();
        long total;
        if (content.size() < pageSize && (!content.isEmpty() || pageNumber == 0)) {
            total = (long) pageNumber * pageSize + content.size();
        } else {
            total = count();
        }
        return new PageResult<>(content, pageNumber, pageSize, total);
    }

    /**
     * One UPDATE of every matching row, returning the row count; objects of the session that match
     * are reloaded so they show the new values. Refused without conditions: use {@link #updateAll}.
     */
    @Override
    public int update(Assignment... assignments) {
        if (select.where().isEmpty()) {
            throw new QuarryException("update(...) without filter(...) would change every " + model.type().getSimpleName()
                    + "; call updateAll(...) if that is what you mean");
        }
        return updateAll(assignments);
    }

    /** One UPDATE of every matching row, even without conditions. */
    @Override
    public int updateAll(Assignment... assignments) {
        session.checkWritable("update");
        return BulkWriter.update(session, model, select.where(), List.of(assignments), select.includesDeleted());
    }

    /**
     * One DELETE of every matching row, returning the row count; matching objects leave the
     * session. Refused without conditions: use {@link #deleteAll()}.
     */
    @Override
    public int delete() {
        if (select.where().isEmpty()) {
            throw new QuarryException("delete() without filter(...) would delete every " + model.type().getSimpleName()
                    + "; call deleteAll() if that is what you mean");
        }
        return deleteAll();
    }

    /** One DELETE of every matching row, even without conditions. */
    @Override
    public int deleteAll() {
        session.checkWritable("delete");
        return BulkWriter.delete(session, model, select.where(), select.includesDeleted(), false);
    }

    @Override
    public int hardDelete() {
        if (select.where().isEmpty()) {
            throw new QuarryException("hardDelete() without filter(...) would remove every " + model.type().getSimpleName()
                    + "; filter the rows to remove, e.g. filter(col(\"deletedAt\").lt(cutoff))");
        }
        session.checkWritable("delete");
        return BulkWriter.delete(session, model, select.where(), select.includesDeleted(), true);
    }

    /** The SQL this query runs and its bound values. */
    @Override
    public SqlStatement toSql() {
        return render(withJoinedColumns(select, effectivePlan()));
    }

    /** The query's plan with the references its entity declares {@code JOINED}. */
    private FetchPlan effectivePlan() {
        return plan.withDeclaredJoins(model, session.engine().models());
    }

    /** {@code statement} also selecting the columns of the references {@code effective} joins. */
    private Select withJoinedColumns(Select statement, FetchPlan effective) {
        List<String> paths = effective.joinedPaths(model, session.engine().models());
        return paths.isEmpty() ? statement : statement.loadJoined(paths);
    }

    /** The statement this query describes, for composing. */
    @Override
    public Select statement() {
        return select;
    }

    @Override
    public String toString() {
        return toSql().toString();
    }

    /** The query's limits; a NOWAIT query does not wait for locks, whatever lock timeout is in force. */
    private StatementTimeout limits() {
        return select.lock() == RowLock.UPDATE_NOWAIT ? limit.withLockWait(LockWait.NOWAIT) : limit;
    }

    /** The statement's SQL, rendered once per shape for the engine. */
    private SqlStatement render(Select statement) {
        return session.engine().statements().selects().render(statement);
    }

    /** Fails now, not at the terminal call, on what {@code where} and {@code orders} name or bind wrongly. */
    private void check(List<Predicate> where, List<Order> orders) {
        session.engine().statements().selects().check(Select.from(model), where, orders);
    }

    private String task() {
        return RenderedStatements.queryTask(model);
    }

    private String describeWhere() {
        return select.where().isEmpty() ? "(no conditions)" : select.where().toString();
    }
}
