package io.quarry.sql;

import io.quarry.QuarryException;
import io.quarry.dialect.Dialect;
import io.quarry.dialect.H2Dialect;
import io.quarry.dialect.RowLock;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.PropertyModel;
import io.quarry.types.CodecRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A SELECT from one entity's table: whole rows (every mapped column) or chosen expressions, with
 * where, group by, having, order by, distinct, limit, offset and FOR UPDATE. Immutable: every
 * method returns a new statement. Thread-safe.
 */
public final class Select {

    private final EntityModel<?> model;
    private final List<Expression> columns;
    private final List<Predicate> where;
    private final List<Expression> groupBy;
    private final List<Predicate> having;
    private final List<Order> orderBy;
    private final Long limit;
    private final Long offset;
    private final boolean distinct;
    private final RowLock lock;
    /** To-one relation paths whose entities' columns follow the selected entity's (joined loading). */
    private final List<String> loadJoined;
    /** Whether rows a {@link io.quarry.mapping.SoftDelete} marks are read too. */
    private final boolean includeDeleted;

    private Select(EntityModel<?> model, List<Expression> columns, List<Predicate> where, List<Expression> groupBy,
            List<Predicate> having, List<Order> orderBy, Long limit, Long offset, boolean distinct, RowLock lock,
            List<String> loadJoined, boolean includeDeleted) {
        this.model = model;
        this.columns = List.copyOf(columns);
        this.where = List.copyOf(where);
        this.groupBy = List.copyOf(groupBy);
        this.having = List.copyOf(having);
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
        this.lock = lock;
        this.loadJoined = List.copyOf(loadJoined);
        this.includeDeleted = includeDeleted;
    }

    /** Every mapped column of {@code model}'s table. */
    public static Select from(EntityModel<?> model) {
        return new Select(model, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, false, null, List.of(), false);
    }

    public EntityModel<?> model() {
        return model;
    }

    /** The selected expressions; empty means whole entities. */
    public List<Expression> columns() {
        return columns;
    }

    public List<Predicate> where() {
        return where;
    }

    public List<Order> orderBy() {
        return orderBy;
    }

    public Long limit() {
        return limit;
    }

    public Long offset() {
        return offset;
    }

    public boolean isDistinct() {
        return distinct;
    }

    public Select columns(List<? extends Expression> expressions) {
        return new Select(model, new ArrayList<>(expressions), where, groupBy, having, orderBy, limit, offset, distinct, lock, loadJoined, includeDeleted);
    }

    /** Adds conditions, joined with AND to those already there. */
    public Select where(List<Predicate> predicates) {
        return new Select(model, columns, concat(where, predicates), groupBy, having, orderBy, limit, offset, distinct, lock, loadJoined, includeDeleted);
    }

    public Select groupBy(List<? extends Expression> expressions) {
        return new Select(model, columns, where, concat(groupBy, expressions), having, orderBy, limit, offset, distinct, lock, loadJoined, includeDeleted);
    }

    public Select having(List<Predicate> predicates) {
        return new Select(model, columns, where, groupBy, concat(having, predicates), orderBy, limit, offset, distinct, lock, loadJoined, includeDeleted);
    }

    public Select orderBy(List<Order> orders) {
        return new Select(model, columns, where, groupBy, having, concat(orderBy, orders), limit, offset, distinct, lock, loadJoined, includeDeleted);
    }

    /** The same statement without any ORDER BY (for counting). */
    public Select withoutOrder() {
        return new Select(model, columns, where, groupBy, having, List.of(), limit, offset, distinct, lock, loadJoined, includeDeleted);
    }

    public Select limit(Long rows) {
        if (rows != null && rows < 0) {
            throw new QuarryException("limit must be >= 0, got " + rows);
        }
        return new Select(model, columns, where, groupBy, having, orderBy, rows, offset, distinct, lock, loadJoined, includeDeleted);
    }

    public Select offset(Long rows) {
        if (rows != null && rows < 0) {
            throw new QuarryException("offset must be >= 0, got " + rows);
        }
        return new Select(model, columns, where, groupBy, having, orderBy, limit, rows, distinct, lock, loadJoined, includeDeleted);
    }

    public Select distinct(boolean value) {
        return new Select(model, columns, where, groupBy, having, orderBy, limit, offset, value, lock, loadJoined, includeDeleted);
    }

    /** Locks the selected rows until the transaction ends ({@code for update}), or not. */
    public Select forUpdate(boolean value) {
        return lock(value ? RowLock.UPDATE : null);
    }

    /** Locks the selected rows until the transaction ends as {@code value} says; {@code null}: no lock. */
    public Select lock(RowLock value) {
        return new Select(model, columns, where, groupBy, having, orderBy, limit, offset, distinct, value, loadJoined, includeDeleted);
    }

    /**
     * The same statement also selecting, after every column of its entity (which keep their
     * positions), every column of the entity at the end of each to-one relation path in
     * {@code paths} ({@code "datacenter"}, {@code "replicaOf.datacenter"}; a path's parent listed
     * before it), through the same LEFT JOINs that paths in conditions use. Whole-entity selects only.
     */
    public Select loadJoined(List<String> paths) {
        return new Select(model, columns, where, groupBy, having, orderBy, limit, offset, distinct, lock, paths, includeDeleted);
    }

    /**
     * The same statement reading the rows a {@link io.quarry.mapping.SoftDelete} marks deleted too
     * ({@code true}), or leaving them out, as every statement does by default.
     */
    public Select includeDeleted(boolean value) {
        return new Select(model, columns, where, groupBy, having, orderBy, limit, offset, distinct, lock, loadJoined, value);
    }

    /** Whether rows marked deleted are read too. */
    public boolean includesDeleted() {
        return includeDeleted;
    }

    /** How the selected rows are locked; {@code null} when they are not. */
    public RowLock lock() {
        return lock;
    }

    /** The SQL and bindings for {@code dialect}; relation paths and joined loading need {@link #render(Dialect, ModelRegistry)}. */
    public SqlStatement render(Dialect dialect, CodecRegistry codecs) {
        return render(new RenderContext(dialect, codecs, model));
    }

    /**
     * The SQL and bindings for {@code dialect}, relation paths resolved through {@code models}: with
     * joins, every column is qualified (the entity's by its table name, joined ones by alias) and the
     * entity's columns still come first, in property order.
     */
    public SqlStatement render(Dialect dialect, ModelRegistry models) {
        return render(new RenderContext(dialect, models, model));
    }

    private SqlStatement render(RenderContext context) {
        return renderIn(context).toStatement();
    }

    /** Renders into {@code context}; returns the rendering that holds the statement (another one when it joins). */
    private RenderContext renderIn(RenderContext context) {
        renderInto(context);
        if (!context.scope().hasJoins()) {
            return context;
        }
        // the first rendering found the joins; the second qualifies every column and lists them in FROM
        RenderContext joined = context.qualified();
        renderInto(joined);
        return joined;
    }

    /** A rendering that records how each value was bound, for {@link RenderedSelects}. */
    RenderContext renderRecording(Dialect dialect, ModelRegistry models) {
        return renderIn(RenderContext.recording(dialect, models, model));
    }

    /**
     * How many rows this statement selects: {@code count(*)} over the same conditions, in a derived
     * table when distinct, limit or offset decide which rows there are. Any ORDER BY is dropped.
     */
    public SqlStatement renderCount(Dialect dialect, CodecRegistry codecs) {
        return renderCount(new RenderContext(dialect, codecs, model));
    }

    /** {@link #renderCount(Dialect, CodecRegistry)} with relation paths resolved through {@code models}. */
    public SqlStatement renderCount(Dialect dialect, ModelRegistry models) {
        return renderCount(new RenderContext(dialect, models, model));
    }

    private SqlStatement renderCount(RenderContext context) {
        SqlStatement counted = counted().render(context);
        return countsRows() ? countRowsOf(counted) : counted;
    }

    /**
     * The statement a count renders: without order, lock (PostgreSQL refuses FOR UPDATE with count(*))
     * and joined loading; {@code count(*)} itself unless {@link #countsRows()}.
     */
    Select counted() {
        Select unordered = withoutOrder().lock(null).loadJoined(List.of());
        return countsRows() ? unordered : unordered.columns(List.of(Sql.count()));
    }

    /** Whether a count wraps the statement ({@link #countRowsOf}): distinct, limit or offset decide the rows. */
    boolean countsRows() {
        return distinct || limit != null || offset != null;
    }

    /**
     * The shape of this statement for {@link RenderedSelects}, under {@code kind}: everything its text
     * depends on, in {@link #renderInto}'s order, and its values in binding order.
     */
    StatementShape shape(Object kind) {
        return shape(kind, List.of(), List.of());
    }

    /**
     * The shape of {@code where(moreWhere).orderBy(moreOrder)} without making that statement (a query's
     * checks make one per call).
     */
    StatementShape shape(Object kind, List<Predicate> moreWhere, List<Order> moreOrder) {
        // about 9 tokens a column, condition or order item, 12 for the rest: one array, rarely grown
        int parts = columns.size() + where.size() + moreWhere.size() + groupBy.size() + having.size() + orderBy.size()
                + moreOrder.size();
        StatementShape shape = new StatementShape(kind, 12 + 9 * parts).token(model).token(distinct);
        expressions(shape, columns);
        shape.token(loadJoined);
        // where, then the condition SoftDeletes.live appends, as renderInto writes them
        io.quarry.mapping.SoftDeletion deletion = includeDeleted ? null : model.softDeletion();
        shape.token(where.size() + moreWhere.size() + (deletion == null ? 0 : 1));
        each(shape, where);
        each(shape, moreWhere);
        if (deletion != null) {
            shape.expression(SoftDeletes.live(deletion));
        }
        expressions(shape, groupBy);
        expressions(shape, having);
        shape.token(orderBy.size() + moreOrder.size());
        for (int i = 0; i < orderBy.size(); i++) {
            orderBy.get(i).shape(shape);
        }
        for (int i = 0; i < moreOrder.size(); i++) {
            moreOrder.get(i).shape(shape);
        }
        trailing(shape, limit);
        trailing(shape, offset);
        return shape.token(lock);
    }

    private static void expressions(StatementShape shape, List<? extends Expression> expressions) {
        shape.token(expressions.size());
        each(shape, expressions);
    }

    private static void each(StatementShape shape, List<? extends Expression> expressions) {
        // indexed: a shape is made per query, and an iterator per list showed in its allocation profile
        for (int i = 0; i < expressions.size(); i++) {
            shape.expression(expressions.get(i));
        }
    }

    private static void trailing(StatementShape shape, Long rows) {
        if (rows == null) {
            shape.token(Boolean.FALSE);
        } else {
            shape.plainValue(rows);
        }
    }

    /** {@code select count(*) from (<statement>) counted}: the row count of any SELECT, a native one too. */
    public static SqlStatement countRowsOf(SqlStatement statement) {
        return new SqlStatement("select count(*) from (" + statement.sql() + ") counted", statement.bindings());
    }

    void renderInto(RenderContext context) {
        context.append(distinct ? "select distinct " : "select ");
        if (columns.isEmpty()) {
            entityColumns(context, model, context.scope().qualifier(), false);
            for (String path : loadJoined) {
                List<String> steps = List.of(path.split("\\."));
                Scope.Join join = context.scope().join(steps, java.util.Collections.nCopies(steps.size(), null), path,
                        context.models());
                entityColumns(context, join.model(), join.alias() + ".", true);
            }
        } else {
            renderList(context, columns);
        }
        context.append(" from ").identifier(model.table());
        context.scope().renderJoins(context);
        renderConditions(context, " where ", SoftDeletes.live(model, where, includeDeleted));
        if (!groupBy.isEmpty()) {
            context.append(" group by ");
            renderList(context, groupBy);
        }
        renderConditions(context, " having ", having);
        if (!orderBy.isEmpty()) {
            context.append(" order by ");
            for (int i = 0; i < orderBy.size(); i++) {
                if (i > 0) {
                    context.append(", ");
                }
                orderBy.get(i).render(context);
            }
        }
        context.append(context.dialect().limitOffset(limit != null, offset != null));
        if (limit != null || offset != null) {
            @SuppressWarnings("unchecked")
            Values.Slot rows = new Values.Slot((io.quarry.types.Codec<Object>) context.codecs().lookup(Long.class, false),
                    null, null);
            if (limit != null) {
                context.bindValueOnly(rows, limit);
            }
            if (offset != null) {
                context.bindValueOnly(rows, offset);
            }
        }
        if (lock != null) {
            context.append(context.dialect().lockClause(lock));
        }
    }

    private static void entityColumns(RenderContext context, EntityModel<?> entity, String qualifier, boolean more) {
        List<PropertyModel> properties = entity.properties();
        for (int i = 0; i < properties.size(); i++) {
            if (i > 0 || more) {
                context.append(", ");
            }
            context.append(qualifier).identifier(properties.get(i).column());
        }
    }

    static void renderConditions(RenderContext context, String keyword, List<Predicate> predicates) {
        if (predicates.isEmpty()) {
            return;
        }
        context.append(keyword);
        new Predicates.Junction("and", predicates).render(context);
    }

    private static void renderList(RenderContext context, List<? extends Expression> expressions) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                context.append(", ");
            }
            expressions.get(i).render(context);
        }
    }

    private static <X> List<X> concat(List<? extends X> first, List<? extends X> second) {
        List<X> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** The SQL as H2 would run it, with the bound values. */
    @Override
    public String toString() {
        return render(new H2Dialect(), CodecRegistry.withDefaults()).toString();
    }
}
