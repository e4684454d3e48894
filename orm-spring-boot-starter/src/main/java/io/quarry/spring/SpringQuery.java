package io.quarry.spring;

import io.quarry.session.PageResult;
import io.quarry.session.Query;
import io.quarry.session.RowQuery;
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
 * A {@link Query} of the shared session: delegates to a query of the transaction's session (or,
 * outside a transaction, of a short session that holds a connection only while a terminal method
 * runs) and turns Quarry's exceptions into Spring's. Immutable; not thread-safe.
 *
 * @param <T> the entity type
 */
final class SpringQuery<T> implements Query<T> {

    private final Query<T> query;
    private final QueryScope scope;

    SpringQuery(Query<T> query, QueryScope scope) {
        this.query = query;
        this.scope = scope;
    }

    private SpringQuery<T> build(java.util.function.Supplier<Query<T>> build) {
        return new SpringQuery<>(scope.build(build), scope);
    }

    @Override
    public Query<T> filter(Predicate... predicates) {
        return build(() -> query.filter(predicates));
    }

    @Override
    public Query<T> filterBy(String property, Object value, Object... morePairs) {
        return build(() -> query.filterBy(property, value, morePairs));
    }

    @Override
    public Query<T> filterBy(Map<String, ?> pairs) {
        return build(() -> query.filterBy(pairs));
    }

    @Override
    public Query<T> orderBy(Order... orders) {
        return build(() -> query.orderBy(orders));
    }

    @Override
    public Query<T> limit(long rows) {
        return build(() -> query.limit(rows));
    }

    @Override
    public Query<T> offset(long rows) {
        return build(() -> query.offset(rows));
    }

    @Override
    public Query<T> distinct() {
        return build(query::distinct);
    }

    @Override
    public Query<T> forUpdate() {
        return build(query::forUpdate);
    }

    @Override
    public Query<T> forUpdateNowait() {
        return build(query::forUpdateNowait);
    }

    @Override
    public Query<T> forUpdateSkipLocked() {
        return build(query::forUpdateSkipLocked);
    }

    @Override
    public Query<T> forShare() {
        return build(query::forShare);
    }

    @Override
    public Query<T> timeout(java.time.Duration value) {
        return build(() -> query.timeout(value));
    }

    @Override
    public Query<T> readOnly() {
        return build(query::readOnly);
    }

    @Override
    public Query<T> with(io.quarry.mapping.Property<T, ?> relation) {
        return build(() -> query.with(relation));
    }

    @Override
    public Query<T> with(String path) {
        return build(() -> query.with(path));
    }

    @Override
    public Query<T> withJoined(io.quarry.mapping.Property<T, ?> reference) {
        return build(() -> query.withJoined(reference));
    }

    @Override
    public Query<T> withJoined(String path) {
        return build(() -> query.withJoined(path));
    }

    @Override
    public RowQuery select(Expression... expressions) {
        return new SpringRowQuery(scope.build(() -> query.select(expressions)), scope);
    }

    @Override
    public List<T> all() {
        return scope.read(query::all);
    }

    @Override
    public T first() {
        return scope.read(query::first);
    }

    @Override
    public T one() {
        return scope.read(query::one);
    }

    @Override
    public T oneOrNull() {
        return scope.read(query::oneOrNull);
    }

    @Override
    public Stream<T> stream() {
        return scope.stream(query::stream);
    }

    @Override
    public long count() {
        return scope.read(query::count);
    }

    @Override
    public boolean exists() {
        return scope.read(query::exists);
    }

    @Override
    public PageResult<T> page(int pageNumber, int pageSize) {
        return scope.read(() -> query.page(pageNumber, pageSize));
    }

    @Override
    public int update(Assignment... assignments) {
        return scope.write("update", () -> query.update(assignments));
    }

    @Override
    public int updateAll(Assignment... assignments) {
        return scope.write("update", () -> query.updateAll(assignments));
    }

    @Override
    public int delete() {
        return scope.write("delete", query::delete);
    }

    @Override
    public int deleteAll() {
        return scope.write("delete", query::deleteAll);
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
