package io.quarry.repository.support;

import io.quarry.NonUniqueResultException;
import io.quarry.mapping.PropertyModel;
import io.quarry.repository.FluentQuery;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.KeysetScrollPosition;
import io.quarry.repository.OffsetScrollPosition;
import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import io.quarry.repository.ScrollPosition;
import io.quarry.repository.Slice;
import io.quarry.repository.Sort;
import io.quarry.repository.Window;
import io.quarry.repository.query.Keyset;
import io.quarry.repository.query.Results;
import io.quarry.repository.query.projection.Projection;
import io.quarry.sql.Order;
import io.quarry.sql.Predicate;
import io.quarry.sql.Sql;
import io.quarry.sql.SqlStatement;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fluent query of the executors: conditions fixed, then order, limit and projection, then one
 * terminal, each of which renders its statement and runs it through the repository's context
 * (one statement; a page that needs its count runs both in one session). Follows Spring Data's
 * {@code FetchableFluentQuery}: {@code page}, {@code slice} and {@code count} ignore {@code limit};
 * {@code one} fails when two rows match. Immutable and thread-safe.
 */
final class ExecutorQuery<T> implements FluentQuery.FetchableFluentQuery<T> {

    private final ExecutorSupport support;
    private final Predicate where;
    private final String method;
    private final Sort sort;
    private final Integer limit;
    private final Projection projection;

    ExecutorQuery(ExecutorSupport support, Predicate where, String method) {
        this(support, where, method, Sort.unsorted(), null, support.entities());
    }

    private ExecutorQuery(ExecutorSupport support, Predicate where, String method, Sort sort, Integer limit,
            Projection projection) {
        this.support = support;
        this.where = where;
        this.method = method;
        this.sort = sort;
        this.limit = limit;
        this.projection = projection;
    }

    @Override
    public ExecutorQuery<T> sortBy(Sort more) {
        if (more == null) {
            throw new InvalidArgumentException(method + ": sortBy(null); pass Sort.unsorted() for no order");
        }
        support.orders(more, method); // a bad property fails here, where it was written
        return new ExecutorQuery<>(support, where, method, sort.and(more), limit, projection);
    }

    @Override
    public ExecutorQuery<T> limit(int rows) {
        if (rows < 0) {
            throw new InvalidArgumentException(method + ": limit(" + rows + ") must not be negative");
        }
        return new ExecutorQuery<>(support, where, method, sort, rows, projection);
    }

    @Override
    public <R> ExecutorQuery<R> as(Class<R> type) {
        return new ExecutorQuery<>(support, where, method, sort, limit, support.projection(type, method));
    }

    @Override
    public ExecutorQuery<T> project(Collection<String> properties) {
        List<String> known = support.model().properties().stream().map(PropertyModel::name).toList();
        for (String property : Objects.requireNonNull(properties, "properties")) {
            if (property == null || !known.contains(property) && support.model().findRelation(property) == null) {
                throw new InvalidArgumentException(method + ": project(\"" + property + "\"): not a property of "
                        + support.model().type().getSimpleName()
                        + io.quarry.mapping.Names.didYouMean(String.valueOf(property), known));
            }
        }
        return this;
    }

    @Override
    public Optional<T> one() {
        return Optional.ofNullable(oneValue());
    }

    @Override
    public T oneValue() {
        List<T> rows = list(sort, limit == null ? 2 : Math.min(limit, 2), null);
        if (rows.size() > 1) {
            throw new NonUniqueResultException(method + " found more than one row but one was asked for; use first(), "
                    + "all(), or make the example or predicate narrower");
        }
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public Optional<T> first() {
        return Optional.ofNullable(firstValue());
    }

    @Override
    public T firstValue() {
        List<T> rows = list(sort, limit == null ? 1 : Math.min(limit, 1), null);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public List<T> all() {
        return list(sort, limit, null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Page<T> page(Pageable pageable) {
        requirePageable(pageable, "page");
        if (pageable.isUnpaged()) {
            List<T> rows = list(sort.and(pageable.getSort()), null, null);
            return Page.of(rows, pageable, rows.size());
        }
        SqlStatement select = support.select(where, orders(sort.and(pageable.getSort())),
                (long) pageable.getPageSize(), pageable.getOffset(), projection, method);
        SqlStatement count = support.count(where, method);
        return (Page<T>) support.context().read(session -> Results.page(
                projection.list(session, select, ExecutorSupport.NO_ARGUMENTS), pageable,
                () -> ((Number) session.list(count, ExecutorSupport.NO_ARGUMENTS, Results.FIRST_COLUMN).get(0))
                        .longValue()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Slice<T> slice(Pageable pageable) {
        requirePageable(pageable, "slice");
        Sort ordered = sort.and(pageable.getSort());
        List<Object> rows = pageable.isUnpaged() ? (List<Object>) list(ordered, null, null)
                : (List<Object>) list(ordered, pageable.getPageSize() + 1, pageable.getOffset());
        return (Slice<T>) Results.slice(rows, pageable);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Window<T> scroll(ScrollPosition position) {
        ScrollPosition checked = Keyset.require(position, method);
        int rows = limit == null ? Integer.MAX_VALUE : limit;
        Long read = limit == null ? null : limit + 1L;
        List<Order> given = orders(sort); // a name that is no property fails as in any sorted query
        if (checked instanceof OffsetScrollPosition offset) {
            // in the keyset order where there is one, as derived methods: the id breaks ties between windows
            List<Order> order = given;
            try {
                order = Keyset.of(support.model(), sort, method).orders(ScrollPosition.Direction.FORWARD);
            } catch (InvalidArgumentException e) {
                // a path or an ignore-case order: offset windows keep the order as given
            }
            return (Window<T>) Keyset.offsetWindow(rows(where, order, read, Keyset.firstRow(offset)), rows, offset);
        }
        KeysetScrollPosition keyset = (KeysetScrollPosition) checked;
        Keyset keys = Keyset.of(support.model(), sort, method);
        if (!projection.isEntity()) {
            throw new InvalidArgumentException(method + ": a keyset position holds the sort keys of a "
                    + support.model().type().getSimpleName() + ", which rows read as a projection do not carry; scroll "
                    + "the entities, or scroll with ScrollPosition.offset()");
        }
        Predicate condition = where;
        if (!keyset.isInitial()) {
            Object[] values = keys.values(keyset);
            Predicate after = keys.predicate(keyset.getDirection(), i -> values[i]);
            condition = where == null ? after : Sql.and(where, after);
        }
        return (Window<T>) keys.window(rows(condition, keys.orders(keyset.getDirection()), read, null), rows, keyset);
    }

    private List<Object> rows(Predicate condition, List<Order> orders, Long rows, Long offset) {
        SqlStatement select = support.select(condition, orders, rows, offset, projection, method);
        return support.context().read(session -> projection.list(session, select, ExecutorSupport.NO_ARGUMENTS));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Stream<T> stream() {
        SqlStatement select = support.select(where, orders(sort), limit == null ? null : (long) limit, null,
                projection, method);
        return (Stream<T>) support.context().stream(session -> projection.stream(session, select,
                ExecutorSupport.NO_ARGUMENTS));
    }

    @Override
    public long count() {
        return support.runCount(support.count(where, method));
    }

    @Override
    public boolean exists() {
        return support.runExists(support.firstId(where, method));
    }

    @SuppressWarnings("unchecked")
    private List<T> list(Sort order, Integer rows, Long offset) {
        SqlStatement select = support.select(where, orders(order), rows == null ? null : (long) rows, offset,
                projection, method);
        return (List<T>) support.context().read(session -> projection.list(session, select,
                ExecutorSupport.NO_ARGUMENTS));
    }

    private List<Order> orders(Sort order) {
        return support.orders(order, method);
    }

    private void requirePageable(Pageable pageable, String terminal) {
        if (pageable == null) {
            throw new InvalidArgumentException(method + ": " + terminal + "(null); pass Pageable.unpaged() to read "
                    + "every row");
        }
    }

    @Override
    public String toString() {
        return "FluentQuery[" + method + ", " + where + ", " + sort + (limit == null ? "" : ", limit " + limit) + "]";
    }
}
