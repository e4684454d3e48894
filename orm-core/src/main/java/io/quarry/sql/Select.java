package io.quarry.sql;

import io.quarry.QuarryException;
import io.quarry.dialect.Dialect;
import io.quarry.dialect.H2Dialect;
import io.quarry.mapping.EntityModel;
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
    private final boolean forUpdate;

    private Select(EntityModel<?> model, List<Expression> columns, List<Predicate> where, List<Expression> groupBy,
            List<Predicate> having, List<Order> orderBy, Long limit, Long offset, boolean distinct, boolean forUpdate) {
        this.model = model;
        this.columns = List.copyOf(columns);
        this.where = List.copyOf(where);
        this.groupBy = List.copyOf(groupBy);
        this.having = List.copyOf(having);
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
        this.forUpdate = forUpdate;
    }

    /** Every mapped column of {@code model}'s table. */
    public static Select from(EntityModel<?> model) {
        return new Select(model, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, false, false);
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
        return new Select(model, new ArrayList<>(expressions), where, groupBy, having, orderBy, limit, offset, distinct, forUpdate);
    }

    /** Adds conditions, joined with AND to those already there. */
    public Select where(List<Predicate> predicates) {
        return new Select(model, columns, concat(where, predicates), groupBy, having, orderBy, limit, offset, distinct, forUpdate);
    }

    public Select groupBy(List<? extends Expression> expressions) {
        return new Select(model, columns, where, concat(groupBy, expressions), having, orderBy, limit, offset, distinct, forUpdate);
    }

    public Select having(List<Predicate> predicates) {
        return new Select(model, columns, where, groupBy, concat(having, predicates), orderBy, limit, offset, distinct, forUpdate);
    }

    public Select orderBy(List<Order> orders) {
        return new Select(model, columns, where, groupBy, having, concat(orderBy, orders), limit, offset, distinct, forUpdate);
    }

    /** The same statement without any ORDER BY (for counting). */
    public Select withoutOrder() {
        return new Select(model, columns, where, groupBy, having, List.of(), limit, offset, distinct, forUpdate);
    }

    public Select limit(Long rows) {
        if (rows != null && rows < 0) {
            throw new QuarryException("limit must be >= 0, got " + rows);
        }
        return new Select(model, columns, where, groupBy, having, orderBy, rows, offset, distinct, forUpdate);
    }

    public Select offset(Long rows) {
        if (rows != null && rows < 0) {
            throw new QuarryException("offset must be >= 0, got " + rows);
        }
        return new Select(model, columns, where, groupBy, having, orderBy, limit, rows, distinct, forUpdate);
    }

    public Select distinct(boolean value) {
        return new Select(model, columns, where, groupBy, having, orderBy, limit, offset, value, forUpdate);
    }

    /** Locks the selected rows until the transaction ends. */
    public Select forUpdate(boolean value) {
        return new Select(model, columns, where, groupBy, having, orderBy, limit, offset, distinct, value);
    }

    /** The SQL and bindings for {@code dialect}. */
    public SqlStatement render(Dialect dialect, CodecRegistry codecs) {
        RenderContext context = new RenderContext(dialect, codecs, model);
        renderInto(context);
        return context.toStatement();
    }

    /**
     * How many rows this statement selects: {@code count(*)} over the same conditions, in a derived
     * table when distinct, limit or offset decide which rows there are. Any ORDER BY is dropped.
     */
    public SqlStatement renderCount(Dialect dialect, CodecRegistry codecs) {
        Select unordered = withoutOrder();
        if (distinct || limit != null || offset != null) {
            return countRowsOf(unordered.render(dialect, codecs));
        }
        return unordered.columns(List.of(Sql.count())).render(dialect, codecs);
    }

    /** {@code select count(*) from (<statement>) counted}: the row count of any SELECT, a native one too. */
    public static SqlStatement countRowsOf(SqlStatement statement) {
        return new SqlStatement("select count(*) from (" + statement.sql() + ") counted", statement.bindings());
    }

    void renderInto(RenderContext context) {
        context.append(distinct ? "select distinct " : "select ");
        if (columns.isEmpty()) {
            List<PropertyModel> properties = model.properties();
            for (int i = 0; i < properties.size(); i++) {
                if (i > 0) {
                    context.append(", ");
                }
                context.identifier(properties.get(i).column());
            }
        } else {
            renderList(context, columns);
        }
        context.append(" from ").identifier(model.table());
        renderConditions(context, " where ", where);
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
        @SuppressWarnings("unchecked")
        io.quarry.types.Codec<Object> longCodec = (io.quarry.types.Codec<Object>) context.codecs().lookup(Long.class, false);
        if (limit != null) {
            context.bindValueOnly(limit, longCodec);
        }
        if (offset != null) {
            context.bindValueOnly(offset, longCodec);
        }
        if (forUpdate) {
            context.append(" for update");
        }
    }

    static void renderConditions(RenderContext context, String keyword, List<Predicate> predicates) {
        if (predicates.isEmpty()) {
            return;
        }
        context.append(keyword);
        if (predicates.size() == 1) {
            predicates.get(0).render(context);
        } else {
            new Predicates.Junction("and", predicates).render(context);
        }
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
