package io.quarry.repository.support;

import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.repository.Example;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.RepositoryContext;
import io.quarry.repository.Sort;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.Results;
import io.quarry.repository.query.derived.SortResolver;
import io.quarry.repository.query.projection.Projection;
import io.quarry.repository.query.projection.Projections;
import io.quarry.session.Engine;
import io.quarry.sql.Delete;
import io.quarry.sql.Expression;
import io.quarry.sql.Order;
import io.quarry.sql.Predicate;
import io.quarry.sql.Select;
import io.quarry.sql.Sql;
import io.quarry.sql.SqlStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the query-by-example and predicate executors of one repository share: the entity's model,
 * where sessions come from, projections (cached per class), run-time sorts, and the rendering of
 * their statements through the SQL layer. Conditions differ per call, so each call renders its
 * statement; anything wrong with it (another entity's property, a path a DELETE cannot join) is
 * reported before a session is opened. Thread-safe.
 */
final class ExecutorSupport {

    static final Object[] NO_ARGUMENTS = new Object[0];

    private final EntityModel<?> model;
    private final Engine engine;
    private final RepositoryContext context;
    private final Projections projections;
    private final SortResolver sorts;
    private final ExampleCriteria examples;
    private final String repository;
    private final Map<Class<?>, Projection> projected = new ConcurrentHashMap<>();

    ExecutorSupport(EntityModel<?> model, Engine engine, RepositoryContext context, Projections projections,
            String repository) {
        this.model = model;
        this.engine = engine;
        this.context = context;
        this.projections = projections;
        this.sorts = new SortResolver(model, engine.models());
        this.examples = new ExampleCriteria(model, engine.models());
        this.repository = repository;
    }

    /** A fluent query of the entities matching {@code example}. */
    <S> ExecutorQuery<S> byExample(Example<S> example, String method) {
        String name = repository + "." + method;
        return new ExecutorQuery<>(this, examples.where(example, name), name);
    }

    /** A fluent query of the entities meeting {@code predicate}. */
    <S> ExecutorQuery<S> byPredicate(Predicate predicate, String method) {
        String name = repository + "." + method;
        if (predicate == null) {
            throw new InvalidArgumentException(name + "(null): a Predicate is required; Sql.and() matches every row");
        }
        return new ExecutorQuery<>(this, predicate, name);
    }

    EntityModel<?> model() {
        return model;
    }

    RepositoryContext context() {
        return context;
    }

    /** The projection of results as {@code type}: the entity, an interface or a DTO. */
    Projection projection(Class<?> type, String method) {
        if (type == null) {
            throw new InvalidArgumentException(method + ": as(null); pass the entity, an interface or a DTO class");
        }
        return projected.computeIfAbsent(type, key -> {
            if (!key.isAssignableFrom(model.type()) && engine.models().codecs().lookup(key, false) != null) {
                throw new InvalidArgumentException(method + ": as(" + key.getSimpleName() + ") reads single values; "
                        + "a query by example or predicate reads whole rows: pass the entity, an interface of getters "
                        + "or a DTO class");
            }
            try {
                return projections.derived(key, null);
            } catch (InvalidQueryMethodException e) {
                throw new InvalidArgumentException(method + ": cannot read results as " + key.getSimpleName() + ": "
                        + e.getMessage());
            }
        });
    }

    Projection entities() {
        return projection(model.type(), repository);
    }

    List<Order> orders(Sort sort, String method) {
        return sorts.orders(sort, method);
    }

    /** The SELECT of {@code projection}'s columns over the rows meeting {@code where}. */
    SqlStatement select(Predicate where, List<Order> orders, Long limit, Long offset, Projection projection,
            String method) {
        Select select = from(where).orderBy(orders).limit(limit).offset(offset);
        if (!projection.isEntity()) {
            select = select.columns(projection.columns().stream().map(path -> (Expression) Sql.col(path)).toList());
        }
        Select rendered = select;
        return render(() -> rendered.render(engine.dialect(), engine.models()), method);
    }

    SqlStatement count(Predicate where, String method) {
        return render(() -> from(where).renderCount(engine.dialect(), engine.models()), method);
    }

    /** The id of one row meeting {@code where}: what {@code exists} reads. */
    SqlStatement firstId(Predicate where, String method) {
        return render(() -> from(where).columns(List.of(Sql.col(model.id().name()))).limit(1L)
                .render(engine.dialect(), engine.models()), method);
    }

    long runCount(SqlStatement count) {
        return context.read(session -> ((Number) session.list(count, NO_ARGUMENTS, Results.FIRST_COLUMN).get(0))
                .longValue());
    }

    boolean runExists(SqlStatement firstId) {
        return context.read(session -> !session.list(firstId, NO_ARGUMENTS, Results.FIRST_COLUMN).isEmpty());
    }

    /** One DELETE of the rows meeting {@code where}; the session's matching objects leave it. */
    long delete(Predicate where, String method) {
        String name = repository + "." + method;
        if (where == null) {
            throw new InvalidArgumentException(name + "(null): a Predicate is required; deleteAll() removes every row");
        }
        SqlStatement delete = render(() -> Delete.from(model).where(List.of(where)).render(engine.dialect(),
                engine.models()), name);
        SqlStatement ids = render(() -> from(where).columns(List.of(Sql.col(model.id().name())))
                .render(engine.dialect(), engine.models()), name);
        return context.inTransaction(session -> session.bulkDelete(model, delete, ids, NO_ARGUMENTS));
    }

    private Select from(Predicate where) {
        return Select.from(model).where(where == null ? List.of() : List.of(where));
    }

    private static SqlStatement render(Supplier<SqlStatement> rendering, String method) {
        try {
            return rendering.get();
        } catch (InvalidArgumentException e) {
            throw e;
        } catch (QuarryException e) {
            throw new InvalidArgumentException(method + ": " + e.getMessage(), e);
        }
    }
}
