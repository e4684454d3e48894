package io.quarry.spring;

import io.quarry.mapping.Property;
import io.quarry.session.Row;
import io.quarry.session.RowQuery;
import io.quarry.sql.Expression;
import io.quarry.sql.Order;
import io.quarry.sql.Predicate;
import io.quarry.sql.SqlStatement;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link RowQuery} of the shared session, delegating as {@link SpringQuery} does. Immutable; not
 * thread-safe.
 */
final class SpringRowQuery implements RowQuery {

    private final RowQuery query;
    private final QueryScope scope;

    SpringRowQuery(RowQuery query, QueryScope scope) {
        this.query = query;
        this.scope = scope;
    }

    private SpringRowQuery with(Supplier<RowQuery> build) {
        return new SpringRowQuery(scope.build(build), scope);
    }

    @Override
    public RowQuery filter(Predicate... predicates) {
        return with(() -> query.filter(predicates));
    }

    @Override
    public RowQuery groupBy(Expression... expressions) {
        return with(() -> query.groupBy(expressions));
    }

    @Override
    public <T> RowQuery groupBy(Property<T, ?> property) {
        return with(() -> query.groupBy(property));
    }

    @Override
    public <T> RowQuery groupBy(Property<T, ?> first, Property<T, ?> second) {
        return with(() -> query.groupBy(first, second));
    }

    @Override
    public RowQuery having(Predicate... predicates) {
        return with(() -> query.having(predicates));
    }

    @Override
    public RowQuery orderBy(Order... orders) {
        return with(() -> query.orderBy(orders));
    }

    @Override
    public RowQuery distinct() {
        return with(query::distinct);
    }

    @Override
    public RowQuery limit(long rows) {
        return with(() -> query.limit(rows));
    }

    @Override
    public RowQuery offset(long rows) {
        return with(() -> query.offset(rows));
    }

    @Override
    public List<Row> all() {
        return scope.read(query::all);
    }

    @Override
    public <R> List<R> into(Class<R> type) {
        return scope.read(() -> query.into(type));
    }

    @Override
    public Row first() {
        return scope.read(query::first);
    }

    @Override
    public Row one() {
        return scope.read(query::one);
    }

    @Override
    public <V> V scalar(Class<V> type) {
        return scope.read(() -> query.scalar(type));
    }

    @Override
    public <V> List<V> list(Class<V> type) {
        return scope.read(() -> query.list(type));
    }

    @Override
    public SqlStatement toSql() {
        return scope.build(query::toSql);
    }

    @Override
    public String toString() {
        return query.toString();
    }
}
