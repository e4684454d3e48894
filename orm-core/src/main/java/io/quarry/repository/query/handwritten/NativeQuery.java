package io.quarry.repository.query.handwritten;

import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.Limit;
import io.quarry.repository.Pageable;
import io.quarry.repository.RepositoryContext;
import io.quarry.repository.query.Coercions;
import io.quarry.repository.query.MethodHandler;
import io.quarry.repository.query.MethodParameters;
import io.quarry.repository.query.ResultShape;
import io.quarry.repository.query.Results;
import io.quarry.repository.query.projection.DynamicProjections;
import io.quarry.repository.query.projection.Projection;
import io.quarry.sql.SqlStatement;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Runs an {@link io.quarry.repository.Query} method: the SQL was parsed and its bindings resolved
 * when the proxy was built; a call only picks the plain, limited or paged statement and maps the
 * rows (entities by column label through the session, projections by label, scalars from the first
 * column). Thread-safe.
 */
final class NativeQuery implements MethodHandler {

    /**
     * What the handler runs.
     *
     * @param projection how rows are read; null for @Modifying or a {@code Class<P>} argument
     * @param plain the SQL as written
     * @param limited the SQL with LIMIT bound from the limit slot
     * @param paged the SQL with LIMIT and OFFSET bound from their slots
     * @param count the count query of a Page result, or null
     * @param arguments how many arguments the method takes (the limit slot's index)
     * @param clear clear the session after a @Modifying statement
     */
    record Plan(String method, ResultShape result, MethodParameters parameters, Projection projection,
            Function<Class<?>, Projection> dynamic, SqlStatement plain, SqlStatement limited, SqlStatement paged,
            SqlStatement count, int arguments, boolean clear) {
    }

    private final Plan plan;
    private final RepositoryContext context;
    private final DynamicProjections dynamicProjections;

    NativeQuery(Plan plan, RepositoryContext context) {
        this.plan = plan;
        this.dynamicProjections = new DynamicProjections(plan.method(), "MyProjection", plan.dynamic());
        this.context = context;
    }

    @Override
    public java.util.List<String> sql() {
        return java.util.stream.Stream.of(plan.plain(), plan.limited(), plan.paged(), plan.count())
                .filter(java.util.Objects::nonNull).map(SqlStatement::sql).distinct().toList();
    }

    @Override
    public Object invoke(Object proxy, Object[] args) {
        if (plan.projection() == null && plan.dynamic() == null) {
            return modify(args);
        }
        Projection projection = projection(args);
        Object[] bound = Arrays.copyOf(args, plan.arguments() + 2);
        Pageable pageable = plan.parameters().pageable() >= 0 ? (Pageable) args[plan.parameters().pageable()] : null;
        SqlStatement statement = statement(args, bound, pageable);
        return switch (plan.result().kind()) {
            case ONE, OPTIONAL -> Results.single(context.read(session -> projection.listByLabel(session, statement, bound)),
                    plan.result(), rows -> plan.method() + " returned " + rows + " rows but returns "
                            + plan.result().describe() + "; return a List or make the SQL return one row");
            case LIST -> context.read(session -> projection.listByLabel(session, statement, bound));
            case STREAM -> context.stream(session -> projection.streamByLabel(session, statement, bound));
            case PAGE -> context.read(session -> Results.page(projection.listByLabel(session, statement, bound), pageable,
                    () -> ((Number) session.list(plan.count(), bound, Results.FIRST_COLUMN).get(0)).longValue()));
            case SLICE -> Results.slice(context.read(session -> projection.listByLabel(session, statement, bound)),
                    pageable);
            case VOID, WINDOW -> throw new IllegalStateException("rejected when the proxy was built");
        };
    }

    private Object modify(Object[] args) {
        int count = context.inTransaction(session -> {
            int changed = session.executeUpdate(plan.plain(), args);
            if (plan.clear()) {
                session.clear();
            }
            return changed;
        });
        if (plan.result().kind() == ResultShape.Kind.VOID) {
            return null;
        }
        return Coercions.convert(count, plan.result().element(), "the row count");
    }

    private SqlStatement statement(Object[] args, Object[] bound, Pageable pageable) {
        if (plan.parameters().pageable() >= 0) {
            if (pageable == null) {
                throw new InvalidArgumentException(plan.method() + ": the Pageable is null; pass Pageable.unpaged()");
            }
            if (pageable.getSort().isSorted()) {
                throw new InvalidArgumentException(plan.method() + ": @Query SQL is not rewritten, so its Pageable cannot "
                        + "carry a Sort (" + pageable.getSort() + "); put ORDER BY in the SQL");
            }
            if (pageable.isUnpaged()) {
                return plan.plain();
            }
            boolean slice = plan.result().kind() == ResultShape.Kind.SLICE;
            bound[plan.arguments()] = (long) pageable.getPageSize() + (slice ? 1 : 0);
            bound[plan.arguments() + 1] = pageable.getOffset();
            return plan.paged();
        }
        if (plan.parameters().limit() >= 0) {
            Limit limit = (Limit) args[plan.parameters().limit()];
            if (limit != null && limit.isLimited()) {
                bound[plan.arguments()] = (long) limit.max();
                return plan.limited();
            }
        }
        return plan.plain();
    }

    private Projection projection(Object[] args) {
        if (plan.projection() != null) {
            return plan.projection();
        }
        return dynamicProjections.get(args[plan.parameters().projectionType()]);
    }

    @Override
    public String toString() {
        return "NativeQuery[" + plan.method() + ": " + plan.plain().sql() + "]";
    }
}
