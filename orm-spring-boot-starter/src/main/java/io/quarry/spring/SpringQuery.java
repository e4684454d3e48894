package io.quarry.spring;

import io.quarry.session.PageResult;
import io.quarry.session.Query;
import io.quarry.session.RowQuery;
import io.quarry.session.StatementSession;
import io.quarry.sql.Assignment;
import io.quarry.sql.Expression;
import io.quarry.sql.Order;
import io.quarry.sql.Predicate;
import io.quarry.sql.Select;
import io.quarry.sql.SqlStatement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A {@link Query} of the shared session: delegates to a query of the transaction's session (or,
 * outside a transaction, of a short session that lives only while a terminal method runs: each
 * terminal builds the query again on a new one) and turns Quarry's exceptions into Spring's.
 * Immutable; not thread-safe.
 *
 * @param <T> the entity type
 */
final class SpringQuery<T> implements Query<T> {

    private final Query<T> query;
    /** Builds this query again on another session: outside a transaction, each terminal runs on a new short one. */
    private final Function<StatementSession, Query<T>> recipe;
    private final QueryScope scope;

    SpringQuery(Query<T> query, Function<StatementSession, Query<T>> recipe, QueryScope scope) {
        this.query = query;
        this.recipe = recipe;
        this.scope = scope;
    }

    private SpringQuery<T> build(UnaryOperator<Query<T>> step) {
        return new SpringQuery<>(scope.build(() -> step.apply(query)), recipe.andThen(step), scope);
    }

    @Override
    public Query<T> filter(Predicate... predicates) {
        return build(q -> q.filter(predicates));
    }

    @Override
    public Query<T> filterBy(String property, Object value, Object... morePairs) {
        return build(q -> q.filterBy(property, value, morePairs));
    }

    @Override
    public Query<T> filterBy(Map<String, ?> pairs) {
        return build(q -> q.filterBy(pairs));
    }

    @Override
    public Query<T> orderBy(Order... orders) {
        return build(q -> q.orderBy(orders));
    }

    @Override
    public Query<T> limit(long rows) {
        return build(q -> q.limit(rows));
    }

    @Override
    public Query<T> offset(long rows) {
        return build(q -> q.offset(rows));
    }

    @Override
    public Query<T> distinct() {
        return build(q -> q.distinct());
    }

    @Override
    public Query<T> forUpdate() {
        return build(q -> q.forUpdate());
    }

    @Override
    public Query<T> forUpdateNowait() {
        return build(q -> q.forUpdateNowait());
    }

    @Override
    public Query<T> forUpdateSkipLocked() {
        return build(q -> q.forUpdateSkipLocked());
    }

    @Override
    public Query<T> forShare() {
        return build(q -> q.forShare());
    }

    @Override
    public Query<T> timeout(java.time.Duration value) {
        return build(q -> q.timeout(value));
    }

    @Override
    public Query<T> includeDeleted() {
        return build(q -> q.includeDeleted());
    }

    @Override
    public Query<T> readOnly() {
        return build(q -> q.readOnly());
    }

    @Override
    public Query<T> with(io.quarry.mapping.Property<T, ?> relation) {
        return build(q -> q.with(relation));
    }

    @Override
    public Query<T> with(String path) {
        return build(q -> q.with(path));
    }

    @Override
    public Query<T> withJoined(io.quarry.mapping.Property<T, ?> reference) {
        return build(q -> q.withJoined(reference));
    }

    @Override
    public Query<T> withJoined(String path) {
        return build(q -> q.withJoined(path));
    }

    @Override
    public RowQuery select(Expression... expressions) {
        return new SpringRowQuery(scope.build(() -> query.select(expressions)), recipe.andThen(q -> q.select(expressions)),
                scope);
    }

    @Override
    public List<T> all() {
        return scope.read(query, recipe, q -> q.all());
    }

    @Override
    public T first() {
        return scope.read(query, recipe, q -> q.first());
    }

    @Override
    public T one() {
        return scope.read(query, recipe, q -> q.one());
    }

    @Override
    public T oneOrNull() {
        return scope.read(query, recipe, q -> q.oneOrNull());
    }

    @Override
    public Stream<T> stream() {
        return scope.stream(query, recipe, q -> q.stream());
    }

    @Override
    public long count() {
        return scope.read(query, recipe, q -> q.count());
    }

    @Override
    public boolean exists() {
        return scope.read(query, recipe, q -> q.exists());
    }

    @Override
    public PageResult<T> page(int pageNumber, int pageSize) {
        return scope.read(query, recipe, q -> q.page(pageNumber, pageSize));
    }

    @Override
    public int update(Assignment... assignments) {
        return scope.write("update", query, recipe, q -> q.update(assignments));
    }

    @Override
    public int updateAll(Assignment... assignments) {
        return scope.write("update", query, recipe, q -> q.updateAll(assignments));
    }

    @Override
    public int delete() {
        return scope.write("delete", query, recipe, q -> q.delete());
    }

    @Override
    public int deleteAll() {
        return scope.write("delete", query, recipe, q -> q.deleteAll());
    }

    @Override
    public int hardDelete() {
        return scope.write("delete", query, recipe, q -> q.hardDelete());
    }

    @Override
    public SqlStatement toSql() {
        return scope.build(query::toSql);
    }

    @Override
    public Select statement() {
        return query.statement();
    }

    @Override
    public String toString() {
        return query.toString();
    }
}
