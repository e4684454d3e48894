package io.quarry.session;

import io.quarry.NoResultException;
import io.quarry.NonUniqueResultException;
import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.Property;
import io.quarry.sql.Expression;
import io.quarry.sql.Order;
import io.quarry.sql.Predicate;
import io.quarry.sql.RenderContext;
import io.quarry.sql.Select;
import io.quarry.sql.Sql;
import io.quarry.sql.SqlStatement;
import io.quarry.types.Codec;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@link RowQuery} of a {@link SessionSupport}. Immutable; not thread-safe (it belongs to a session). */
final class ColumnQuery implements RowQuery {

    private final SessionSupport session;
    private final EntityModel<?> model;
    private final Select select;

    ColumnQuery(SessionSupport session, EntityModel<?> model, List<Expression> expressions) {
        this(session, model, Select.from(model).columns(expressions));
    }

    ColumnQuery(SessionSupport session, EntityModel<?> model, Select select) {
        if (select.columns().isEmpty()) {
            throw new QuarryException("select(...) needs at least one column or aggregate");
        }
        this.session = session;
        this.model = model;
        this.select = select;
        session.engine().statements().selects().check(select);
    }

    private RowQuery with(Select value) {
        return new ColumnQuery(session, model, value);
    }

    @Override
    public RowQuery filter(Predicate... predicates) {
        return with(select.where(Arrays.asList(predicates)));
    }

    @Override
    public RowQuery groupBy(Expression... expressions) {
        return with(select.groupBy(Arrays.asList(expressions)));
    }

    @Override
    public <T> RowQuery groupBy(Property<T, ?> property) {
        return groupBy(Sql.col(property));
    }

    @Override
    public <T> RowQuery groupBy(Property<T, ?> first, Property<T, ?> second) {
        return groupBy(Sql.col(first), Sql.col(second));
    }

    @Override
    public RowQuery having(Predicate... predicates) {
        return with(select.having(Arrays.asList(predicates)));
    }

    @Override
    public RowQuery orderBy(Order... orders) {
        return with(select.orderBy(Arrays.asList(orders)));
    }

    @Override
    public RowQuery distinct() {
        return with(select.distinct(true));
    }

    @Override
    public RowQuery limit(long rows) {
        return with(select.limit(rows));
    }

    @Override
    public RowQuery offset(long rows) {
        return with(select.offset(rows));
    }

    /** Every row. */
    @Override
    public List<Row> all() {
        session.autoflush();
        RenderContext context = new RenderContext(session.engine().dialect(), session.engine().models(), model);
        List<Expression> columns = select.columns();
        List<Codec<Object>> codecs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Expression column : columns) {
            codecs.add(column.codec(context));
            labels.add(column.label());
        }
        List<String> rowLabels = List.copyOf(labels);
        return session.runQuery("select from " + model.type().getSimpleName(), render(select), SessionSupport.NO_ARGS, resultSet -> {
            List<Row> rows = new ArrayList<>();
            while (resultSet.next()) {
                Object[] values = new Object[codecs.size()];
                for (int i = 0; i < values.length; i++) {
                    Codec<Object> codec = codecs.get(i);
                    values[i] = codec != null ? codec.read(resultSet, i + 1) : resultSet.getObject(i + 1);
                }
                rows.add(new Row(rowLabels, values));
            }
            return rows;
        });
    }

    /** Every row as a record (or class) whose canonical constructor takes the columns in order. */
    @Override
    public <R> List<R> into(Class<R> type) {
        RowMapper<R> mapper = RowMapper.forType(type, select.columns().size());
        return all().stream().map(mapper::map).toList();
    }

    /** The first row, or {@code null}. */
    @Override
    public Row first() {
        List<Row> rows = limit(1).all();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Exactly one row. */
    @Override
    public Row one() {
        List<Row> rows = limit(2).all();
        if (rows.isEmpty()) {
            throw new NoResultException("The query returned no row: " + toSql());
        }
        if (rows.size() > 1) {
            throw new NonUniqueResultException("The query returned more than one row: " + toSql());
        }
        return rows.get(0);
    }

    /** The single value of a one-column, one-row query ({@code select(count())...}), converted to {@code type}. */
    @Override
    public <V> V scalar(Class<V> type) {
        return one().get(0, type);
    }

    /** The first column of every row, converted to {@code type}. */
    @Override
    public <V> List<V> list(Class<V> type) {
        return all().stream().map(row -> row.get(0, type)).toList();
    }

    @Override
    public SqlStatement toSql() {
        return render(select);
    }

    @Override
    public String toString() {
        return toSql().toString();
    }

    /** The statement's SQL, rendered once per shape for the engine. */
    private SqlStatement render(Select statement) {
        return session.engine().statements().selects().render(statement);
    }

    /** Maps rows to a record or class through the constructor whose parameter count matches. */
    static final class RowMapper<R> {
        private final Constructor<R> constructor;
        private final Class<?>[] types;

        private RowMapper(Constructor<R> constructor) {
            this.constructor = constructor;
            this.types = constructor.getParameterTypes();
        }

        @SuppressWarnings("unchecked")
        static <R> RowMapper<R> forType(Class<R> type, int columns) {
            try {
                Constructor<R> constructor;
                if (type.isRecord()) {
                    RecordComponent[] components = type.getRecordComponents();
                    constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                            .toArray(Class<?>[]::new));
                } else {
                    constructor = (Constructor<R>) Arrays.stream(type.getDeclaredConstructors())
                            .filter(c -> c.getParameterCount() == columns).findFirst()
                            .orElseThrow(() -> new NoSuchMethodException("constructor with " + columns + " parameters"));
                }
                if (constructor.getParameterCount() != columns) {
                    throw new QuarryException(type.getSimpleName() + " takes " + constructor.getParameterCount()
                            + " values but the query selects " + columns + " columns");
                }
                constructor.setAccessible(true);
                return new RowMapper<>(constructor);
            } catch (NoSuchMethodException e) {
                throw new QuarryException("Cannot map rows into " + type.getName() + ": it needs a constructor taking the "
                        + columns + " selected columns in order", e);
            }
        }

        R map(Row row) {
            Object[] arguments = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                arguments[i] = Row.convert(row.values()[i], types[i]);
            }
            try {
                return constructor.newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new QuarryException("Cannot create " + constructor.getDeclaringClass().getSimpleName() + " from "
                        + row + ": " + e.getMessage(), e);
            }
        }
    }
}
