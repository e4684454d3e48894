package io.quarry.repository.query.derived;

import io.quarry.NoResultException;
import io.quarry.mapping.EntityModel;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.KeysetScrollPosition;
import io.quarry.repository.Limit;
import io.quarry.repository.OffsetScrollPosition;
import io.quarry.repository.Pageable;
import io.quarry.repository.RepositoryContext;
import io.quarry.repository.ScrollPosition;
import io.quarry.repository.Sort;
import io.quarry.repository.query.Keyset;
import io.quarry.repository.query.MethodHandler;
import io.quarry.repository.query.MethodParameters;
import io.quarry.repository.query.ResultShape;
import io.quarry.repository.query.Results;
import io.quarry.repository.query.Types;
import io.quarry.repository.query.parse.PartTree;
import io.quarry.repository.query.projection.DynamicProjections;
import io.quarry.repository.query.projection.Projection;
import io.quarry.session.ResultMapper;
import io.quarry.session.StatementSession;
import io.quarry.sql.SqlStatement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Runs one derived query method: prepares the arguments, picks the pre-rendered statement for the
 * call's variant and runs it through the {@link RepositoryContext} (reads in the current session or
 * one auto-commit statement, bulk writes in a transaction), then shapes the result. Nothing is
 * parsed or reflected per call. Thread-safe.
 */
final class DerivedQuery implements MethodHandler {

    /**
     * What the handler runs, fixed when the proxy is built.
     *
     * @param method {@code HostRepository.findByPort}, for messages
     * @param verb what the query does
     * @param result the declared return type
     * @param projection how rows are read; null when a {@code Class<P>} argument chooses
     * @param dynamic builds the projection for a {@code Class<P>} argument
     * @param top First/Top, or null
     * @param reader reads the value of a count or aggregate query
     * @param convert turns a count, aggregate or row count into the declared type
     */
    record Plan(String method, EntityModel<?> model, PartTree.Verb verb, ResultShape result, MethodParameters parameters,
            Projection projection, Function<Class<?>, Projection> dynamic, Integer top, ResultMapper<Object> reader,
            UnaryOperator<Object> convert) {
    }

    private final Plan plan;
    private final ArgumentPlan arguments;
    private final QueryStatements statements;
    private final RepositoryContext context;
    private final DynamicProjections dynamicProjections;

    DerivedQuery(Plan plan, ArgumentPlan arguments, QueryStatements statements, RepositoryContext context) {
        this.plan = plan;
        this.dynamicProjections = new DynamicProjections(plan.method(), plan.model().type().getSimpleName(),
                plan.dynamic());
        this.arguments = arguments;
        this.statements = statements;
        this.context = context;
    }

    @Override
    public Object invoke(Object proxy, Object[] args) {
        ArgumentPlan.Call call = arguments.prepare(args);
        if (plan.verb() == PartTree.Verb.FIND) {
            return find(call, args);
        }
        Object[] bound = call.args();
        SqlStatement statement = statements.main(call.shape(), Sort.unsorted(), QueryStatements.UNPAGED, null);
        return switch (plan.verb()) {
            case COUNT, SUM, AVG, MIN, MAX -> aggregate(context.read(session ->
                    first(session, statement, bound, plan.reader())));
            case EXISTS -> context.read(session -> !session.list(statement, bound, Results.FIRST_COLUMN).isEmpty());
            case DELETE, UPDATE -> {
                if (plan.verb() == PartTree.Verb.DELETE && plan.projection() != null) {
                    yield deleteReturning(call.shape(), bound);
                }
                SqlStatement ids = statements.ids(call.shape());
                boolean delete = plan.verb() == PartTree.Verb.DELETE;
                yield plan.convert().apply(context.inTransaction(session -> delete
                        ? session.bulkDelete(plan.model(), statement, ids, bound)
                        : session.bulkUpdate(plan.model(), statement, ids, bound)));
            }
            case FIND -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * A delete that returns what it removed: the rows are read and locked (one SELECT ... FOR UPDATE), a
     * single-result method that matched more than one fails before anything is deleted, and the session
     * deletes them (one batch by id at the flush; cascades apply as for {@code delete(entity)}).
     */
    private Object deleteReturning(long shape, Object[] bound) {
        SqlStatement rows = statements.rowsToDelete(shape);
        return context.inTransaction(session -> {
            List<Object> found = plan.projection().list(session, rows, bound);
            Object result = plan.result().kind() == ResultShape.Kind.LIST ? found
                    : Results.single(found, plan.result(), count -> plan.method() + " matched " + count + " rows but "
                            + "returns " + plan.result().describe() + "; nothing was deleted. Return a List, or add "
                            + "conditions that match one row");
            found.forEach(session::delete);
            session.flush();
            return result;
        });
    }

    /** Resolves projection, Sort and paging, and the statement, before any session is opened. */
    private Object find(ArgumentPlan.Call call, Object[] args) {
        Projection projection = projection(args);
        if (plan.result().kind() == ResultShape.Kind.WINDOW) {
            return window(call, projection, args);
        }
        int paging = paging(args, call.args());
        SqlStatement select = statements.main(call.shape(), sort(args), paging, projection);
        Object[] bound = call.args();
        return switch (plan.result().kind()) {
            case ONE, OPTIONAL -> Results.single(context.read(session -> projection.list(session, select, bound)),
                    plan.result(), rows -> plan.method() + " found more than one row but returns " + plan.result().describe()
                            + "; return a List, use findFirstBy..., or add conditions");
            case LIST -> context.read(session -> projection.list(session, select, bound));
            case STREAM -> context.stream(session -> projection.stream(session, select, bound));
            case PAGE -> page(call, projection, select, (Pageable) args[plan.parameters().pageable()]);
            case SLICE -> Results.slice(context.read(session -> projection.list(session, select, bound)),
                    (Pageable) args[plan.parameters().pageable()], pageRows());
            case VOID, WINDOW -> throw new IllegalStateException("rejected when the proxy was built or handled above");
        };
    }

    /**
     * One window from the call's ScrollPosition, read with one row more than its size to tell whether more
     * follow: from an offset with OFFSET (in the keyset order where there is one); from a keyset position with the keyset order and, after the first
     * window, the keyset WHERE bound to the position's values, never OFFSET.
     */
    private Object window(ArgumentPlan.Call call, Projection projection, Object[] args) {
        ScrollPosition position = Keyset.require(args[plan.parameters().scrollPosition()], plan.method());
        Sort sort = sort(args);
        int rows = windowRows(args);
        Object[] bound = call.args();
        bound[arguments.limitSlot()] = rows == Integer.MAX_VALUE ? Long.MAX_VALUE : rows + 1L;
        if (position instanceof OffsetScrollPosition offset) {
            bound[arguments.offsetSlot()] = Keyset.firstRow(offset);
            SqlStatement select = statements.main(call.shape(), sort, QueryStatements.PAGED, projection,
                    statements.offsetVariant(sort));
            return Keyset.offsetWindow(context.read(session -> projection.list(session, select, bound)), rows, offset);
        }
        KeysetScrollPosition keyset = (KeysetScrollPosition) position;
        Keyset keys = statements.keyset(sort);
        if (!projection.isEntity()) {
            throw new InvalidArgumentException(plan.method() + ": a keyset position holds the sort keys of a "
                    + plan.model().type().getSimpleName() + ", which rows read as a projection do not carry; return "
                    + "Window<" + plan.model().type().getSimpleName() + "> to scroll by keyset, or scroll with "
                    + "ScrollPosition.offset()");
        }
        Object[] withKeys = bound;
        if (!keyset.isInitial()) {
            Object[] values = keys.values(keyset);
            withKeys = Arrays.copyOf(bound, statements.keysetSlot() + values.length);
            System.arraycopy(values, 0, withKeys, statements.keysetSlot(), values.length);
        }
        int paging = rows == Integer.MAX_VALUE ? QueryStatements.UNPAGED : QueryStatements.LIMITED;
        SqlStatement select = statements.main(call.shape(), sort, paging, projection,
                QueryStatements.keysetVariant(keyset));
        Object[] keyed = withKeys;
        return keys.window(context.read(session -> projection.list(session, select, keyed)), rows, keyset);
    }

    /** The most rows one window holds: Top/First, or the Limit argument, or every row. */
    private int windowRows(Object[] args) {
        if (plan.top() != null) {
            return plan.top();
        }
        if (plan.parameters().limit() >= 0 && args[plan.parameters().limit()] instanceof Limit limit
                && limit.isLimited()) {
            return limit.max();
        }
        return Integer.MAX_VALUE;
    }

    private Object page(ArgumentPlan.Call call, Projection projection, SqlStatement select, Pageable pageable) {
        // unpaged: every row (at most Top of them), so the content is the total. Paged: Top caps each page, as in
        // Spring Data, and the total counts every matching row
        SqlStatement count = pageable.isUnpaged() ? null : statements.count(call.shape(), projection);
        return context.read(session -> Results.page(projection.list(session, select, call.args()), pageable, pageRows(),
                () -> ((Number) first(session, count, call.args(), Results.FIRST_COLUMN)).longValue()));
    }

    /** The most rows one page holds by the method's name: its Top/First number, or no cap. */
    private int pageRows() {
        return plan.top() == null ? Integer.MAX_VALUE : plan.top();
    }

    /** Sets the LIMIT and OFFSET slots from a Pageable or Limit argument; returns the paging mode. */
    private int paging(Object[] args, Object[] bound) {
        MethodParameters parameters = plan.parameters();
        Integer top = plan.top();
        if (parameters.pageable() >= 0) {
            Pageable pageable = (Pageable) args[parameters.pageable()];
            if (pageable == null) {
                throw new InvalidArgumentException(plan.method() + ": the Pageable is null; pass Pageable.unpaged() "
                        + "to read every row");
            }
            if (pageable.isUnpaged()) {
                return top == null ? QueryStatements.UNPAGED : limit(bound, top);
            }
            // Top/First caps each page (the offset of the page still applies); a slice reads one row more
            long rows = top == null ? pageable.getPageSize() : Math.min(pageable.getPageSize(), top);
            bound[arguments.limitSlot()] = rows + (plan.result().kind() == ResultShape.Kind.SLICE ? 1L : 0L);
            bound[arguments.offsetSlot()] = pageable.getOffset();
            return QueryStatements.PAGED;
        }
        if (parameters.limit() >= 0) {
            Limit limit = (Limit) args[parameters.limit()];
            return limit == null || limit.isUnlimited() ? QueryStatements.UNPAGED : limit(bound, limit.max());
        }
        return QueryStatements.UNPAGED;
    }

    private int limit(Object[] bound, long rows) {
        bound[arguments.limitSlot()] = rows;
        return QueryStatements.LIMITED;
    }

    private Sort sort(Object[] args) {
        MethodParameters parameters = plan.parameters();
        if (parameters.sort() >= 0) {
            Sort sort = (Sort) args[parameters.sort()];
            return sort == null ? Sort.unsorted() : sort;
        }
        if (parameters.pageable() >= 0 && args[parameters.pageable()] != null) {
            return ((Pageable) args[parameters.pageable()]).getSort();
        }
        return Sort.unsorted();
    }

    private Projection projection(Object[] args) {
        if (plan.projection() != null) {
            return plan.projection();
        }
        return dynamicProjections.get(args[plan.parameters().projectionType()]);
    }

    private static Object first(StatementSession session, SqlStatement statement, Object[] args, ResultMapper<Object> reader) {
        List<Object> rows = session.list(statement, args, reader);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Object aggregate(Object value) {
        Object converted = plan.convert().apply(value);
        if (plan.result().kind() == ResultShape.Kind.OPTIONAL) {
            return Optional.ofNullable(converted);
        }
        if (converted == null && plan.result().element().isPrimitive()) {
            if (plan.verb() == PartTree.Verb.SUM) {
                return plan.convert().apply(0);
            }
            throw new NoResultException(plan.method() + " matched no row, so there is no " + plan.verb().name().toLowerCase()
                    + "; declare the result as " + Types.boxed(plan.result().element()).getSimpleName() + " or Optional<"
                    + Types.boxed(plan.result().element()).getSimpleName() + ">");
        }
        return converted;
    }

    QueryStatements statements() {
        return statements;
    }

    @Override
    public List<String> sql() {
        return statements.texts();
    }

    ArgumentPlan arguments() {
        return arguments;
    }

    @Override
    public String toString() {
        return "DerivedQuery[" + plan.method() + "]";
    }
}
