package io.quarry.session;

import io.quarry.mapping.Property;
import io.quarry.sql.Expression;
import io.quarry.sql.Order;
import io.quarry.sql.Predicate;
import io.quarry.sql.SqlStatement;
import java.util.List;

/**
 * A query for columns and aggregates of one table, returning {@link Row}s or records:
 * {@code session.select(Host::getPort, count()).groupBy(Host::getPort).having(count().gt(1))}.
 * Immutable; not thread-safe (it belongs to a session).
 */
public interface RowQuery {

    RowQuery filter(Predicate... predicates);

    RowQuery groupBy(Expression... expressions);

    /** GROUP BY a property: {@code groupBy(Host::getRack)}. */
    <T> RowQuery groupBy(Property<T, ?> property);

    /** GROUP BY two properties (more: pass {@code col(...)} expressions to {@link #groupBy(Expression...)}). */
    <T> RowQuery groupBy(Property<T, ?> first, Property<T, ?> second);

    RowQuery having(Predicate... predicates);

    RowQuery orderBy(Order... orders);

    RowQuery distinct();

    RowQuery limit(long rows);

    RowQuery offset(long rows);

    /** Every row. */
    List<Row> all();

    /** Every row as a record (or class) whose canonical constructor takes the columns in order. */
    <R> List<R> into(Class<R> type);

    /** The first row, or {@code null}. */
    Row first();

    /** Exactly one row. */
    Row one();

    /** The single value of a one-column, one-row query ({@code select(count())...}), converted to {@code type}. */
    <V> V scalar(Class<V> type);

    /** The first column of every row, converted to {@code type}. */
    <V> List<V> list(Class<V> type);

    /** The SQL this query runs and its bound values. */
    SqlStatement toSql();
}
