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
     * @param statements the SQL as written, limited, paged and counted, per call shape
     * @param lists how a call's arguments are prepared (list arguments padded), which gives its shape
     * @param arguments how many arguments the method takes (the limit slot's index)
     * @param clear clear the session after a @Modifying statement
     */
    record Plan(String method, ResultShape result, MethodParameters parameters, Projection projection,
            Function<Class<?>, Projection> dynamic, NativeStatements statements, ListArguments lists, int arguments,
            boolean clear) {
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
    public List<String> sql() {
        return plan.statements().texts();
    }

    @Override
    public Object invoke(Object proxy, Object[] args) {
        if (plan.projection() == null && plan.dynamic() == null) {
            return modify(args);
        }
        Projection projection = projection(args);
        ListArguments.Call call = plan.lists().prepare(args);
        Object[] bound = call.args();
        Pageable pageable = plan.parameters().pageable() >= 0 ? (Pageable) args[plan.parameters().pageable()] : null;
        SqlStatement statement = statement(args, call, pageable);
        return switch (plan.result().kind()) {
            case ONE, OPTIONAL -> Results.single(context.read(session -> projection.listByLabel(session, statement, bound)),
                    plan.result(), rows -> plan.method() + " returned " + rows + " rows but returns "
                            + plan.result().describe() + "; return a List or make the SQL return one row");
            case LIST -> context.read(session -> projection.listByLabel(session, statement, bound));
            case STREAM -> context.stream(session -> projection.streamByLabel(session, statement, bound));
            case PAGE -> context.read(session -> Results.page(projection.listByLabel(session, statement, bound), pageable,
                    () -> ((Number) session.list(plan.statements().get(NativeStatements.Kind.COUNT, call.shape()), bound,
                            Results.FIRST_COLUMN).get(0)).longValue()));
            case SLICE -> Results.slice(context.read(session -> projection.listByLabel(session, statement, bound)),
                    pageable);
            case VOID, WINDOW -> throw new IllegalStateException("rejected when the proxy was built");
        };
    }

    private Object modify(Object[] args) {
        ListArguments.Call call = plan.lists().prepare(args);
        SqlStatement statement = plan.statements().get(NativeStatements.Kind.PLAIN, call.shape());
        int count = context.inTransaction(session -> {
            int changed = session.executeUpdate(statement, call.args());
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

    private SqlStatement statement(Object[] args, ListArguments.Call call, Pageable pageable) {
        Object[] bound = call.args();
        NativeStatements statements = plan.statements();
        if (plan.parameters().pageable() >= 0) {
            if (pageable == null) {
                throw new InvalidArgumentException(plan.method() + ": the Pageable is null; pass Pageable.unpaged()");
            }
            if (pageable.getSort().isSorted()) {
                throw new InvalidArgumentException(plan.method() + ": @Query SQL is not rewritten, so its Pageable cannot "
                        + "carry a Sort (" + pageable.getSort() + "); put ORDER BY in the SQL");
            }
            if (pageable.isUnpaged()) {
                return statements.get(NativeStatements.Kind.PLAIN, call.shape());
            }
            boolean slice = plan.result().kind() == ResultShape.Kind.SLICE;
            bound[plan.arguments()] = (long) pageable.getPageSize() + (slice ? 1 : 0);
            bound[plan.arguments() + 1] = pageable.getOffset();
            return statements.get(NativeStatements.Kind.PAGED, call.shape());
        }
        if (plan.parameters().limit() >= 0) {
            Limit limit = (Limit) args[plan.parameters().limit()];
            if (limit != null && limit.isLimited()) {
                bound[plan.arguments()] = (long) limit.max();
                return statements.get(NativeStatements.Kind.LIMITED, call.shape());
            }
        }
        return statements.get(NativeStatements.Kind.PLAIN, call.shape());
    }

    private Projection projection(Object[] args) {
        if (plan.projection() != null) {
            return plan.projection();
        }
        return dynamicProjections.get(args[plan.parameters().projectionType()]);
    }

    @Override
    public String toString() {
        return "NativeQuery[" + plan.method() + ": " + plan.statements().texts().get(0) + "]";
    }
}
