package io.quarry.spring;

import io.quarry.mapping.Property;
import io.quarry.session.Row;
import io.quarry.session.RowQuery;
import io.quarry.session.StatementSession;
import io.quarry.sql.Expression;
import io.quarry.sql.Order;
import io.quarry.sql.Predicate;
import io.quarry.sql.SqlStatement;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A {@link RowQuery} of the shared session, delegating as {@link SpringQuery} does. Immutable; not
 * thread-safe.
 */
final class SpringRowQuery implements RowQuery {

    private final RowQuery query;
    /** Builds this query again on another session: outside a transaction, each terminal runs on a new short one. */
    private final Function<StatementSession, RowQuery> recipe;
    private final QueryScope scope;

    SpringRowQuery(RowQuery query, Function<StatementSession, RowQuery> recipe, QueryScope scope) {
        this.query = query;
        this.recipe = recipe;
        this.scope = scope;
    }

    private SpringRowQuery with(UnaryOperator<RowQuery> step) {
        return new SpringRowQuery(scope.build(() -> step.apply(query)), recipe.andThen(step), scope);
    }

    @Override
    public RowQuery filter(Predicate... predicates) {
        return with(q -> q.filter(predicates));
    }

    @Override
    public RowQuery groupBy(Expression... expressions) {
        return with(q -> q.groupBy(expressions));
    }

    @Override
    public <T> RowQuery groupBy(Property<T, ?> property) {
        return with(q -> q.groupBy(property));
    }

    @Override
    public <T> RowQuery groupBy(Property<T, ?> first, Property<T, ?> second) {
        return with(q -> q.groupBy(first, second));
    }

    @Override
    public RowQuery having(Predicate... predicates) {
        return with(q -> q.having(predicates));
    }

    @Override
    public RowQuery orderBy(Order... orders) {
        return with(q -> q.orderBy(orders));
    }

    @Override
    public RowQuery distinct() {
        return with(q -> q.distinct());
    }

    @Override
    public RowQuery limit(long rows) {
        return with(q -> q.limit(rows));
    }

    @Override
    public RowQuery offset(long rows) {
        return with(q -> q.offset(rows));
    }

    @Override
    public List<Row> all() {
        return scope.read(query, recipe, q -> q.all());
    }

    @Override
    public <R> List<R> into(Class<R> type) {
        return scope.read(query, recipe, q -> q.into(type));
    }

    @Override
    public Row first() {
        return scope.read(query, recipe, q -> q.first());
    }

    @Override
    public Row one() {
        return scope.read(query, recipe, q -> q.one());
    }

    @Override
    public <V> V scalar(Class<V> type) {
        return scope.read(query, recipe, q -> q.scalar(type));
    }

    @Override
    public <V> List<V> list(Class<V> type) {
        return scope.read(query, recipe, q -> q.list(type));
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
