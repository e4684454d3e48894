package io.quarry.sql;

import io.quarry.dialect.Dialect;
import io.quarry.mapping.ModelRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SQL of the {@link Select}s an engine's queries build, rendered once per {@link StatementShape}:
 * a statement whose shape was rendered before is bound, not rendered (no {@link RenderContext}, no
 * column resolution, no text), as repositories render theirs once at start-up. Two statements share
 * text only when everything the text depends on is equal (entity, columns, predicate tree with its
 * operators, column identities and list sizes, null tests, order, limit/offset presence, lock, joined
 * loading, soft-delete inclusion); values are bound parameters, converted and checked per statement as
 * rendering does. A statement is rendered every time when it holds an expression of another package or
 * when its rendering binds anything but its own values one by one (an {@code any(...)} over soft-deleted
 * elements). Keeps at most {@value #MAX_SHAPES} shapes (IN lists of every length are what could fill
 * it), each of at most {@value #MAX_VALUES} values (so that long IN lists, which every length makes a
 * shape of its own, cannot hold megabytes of text); other statements are rendered each time. One per
 * engine (its dialect and models); thread-safe.
 */
public final class RenderedSelects {

    /** Distinct shapes kept. */
    static final int MAX_SHAPES = 4096;

    /** The most values a kept shape binds. */
    static final int MAX_VALUES = 128;

    private static final Object SELECT = "select";
    /** A count around the statement ({@link Select#countRowsOf}). */
    private static final Object COUNT_ROWS = "count rows";
    /** Kept for a shape whose rendering cannot be reused: it is rendered each time. */
    private static final StatementTemplate RENDER_EACH_TIME = new StatementTemplate("", new Values.Slot[0]);

    private final Dialect dialect;
    private final ModelRegistry models;
    private final int maxShapes;
    private final Map<Object, StatementTemplate> templates = new ConcurrentHashMap<>();
    private final LongAdder renders = new LongAdder();

    public RenderedSelects(Dialect dialect, ModelRegistry models) {
        this(dialect, models, MAX_SHAPES);
    }

    RenderedSelects(Dialect dialect, ModelRegistry models, int maxShapes) {
        this.dialect = dialect;
        this.models = models;
        this.maxShapes = maxShapes;
    }

    /** What {@link Select#render(Dialect, ModelRegistry)} returns, rendered once per shape. */
    public SqlStatement render(Select select) {
        return statement(select, false);
    }

    /** What {@link Select#renderCount(Dialect, ModelRegistry)} returns, rendered once per shape. */
    public SqlStatement renderCount(Select select) {
        return statement(select, true);
    }

    /**
     * Fails as {@link #render} would for {@code select} (an unknown property, a value that does not fit
     * its column), making no statement when its shape was rendered before.
     */
    public void check(Select select) {
        check(select, List.of(), List.of());
    }

    /**
     * {@link #check(Select)} of {@code select.where(where).orderBy(orderBy)}, which is made only when its
     * shape was not rendered before (a query's {@code filter} and {@code orderBy} check their own parts so).
     */
    public void check(Select select, List<Predicate> where, List<Order> orderBy) {
        StatementShape shape = select.shape(SELECT, where, orderBy);
        StatementTemplate template = keepable(shape) ? templates.get(shape.key()) : null;
        if (template == null || template == RENDER_EACH_TIME) {
            statement(select.where(where).orderBy(orderBy), false);
        } else {
            template.check(shape.values(), models.codecs());
        }
    }

    private SqlStatement statement(Select select, boolean count) {
        Select rendered = count ? select.counted() : select;
        boolean wrapped = count && select.countsRows();
        StatementShape shape = rendered.shape(wrapped ? COUNT_ROWS : SELECT);
        StatementTemplate template = keepable(shape) ? templates.get(shape.key()) : RENDER_EACH_TIME;
        if (template != null && template != RENDER_EACH_TIME) {
            return template.bind(shape.values(), models.codecs());
        }
        renders.increment();
        if (template == RENDER_EACH_TIME) {
            return count ? select.renderCount(dialect, models) : select.render(dialect, models);
        }
        RenderContext context = rendered.renderRecording(dialect, models);
        SqlStatement statement = context.toStatement();
        if (wrapped) {
            statement = Select.countRowsOf(statement);
        }
        template = context.template(statement.sql(), shape);
        if (templates.size() < maxShapes) {
            templates.putIfAbsent(shape.key(), template == null ? RENDER_EACH_TIME : template);
        }
        return statement;
    }

    private static boolean keepable(StatementShape shape) {
        return shape.isKnown() && shape.values().size() <= MAX_VALUES;
    }

    /** How many statements were rendered rather than bound (for tests). */
    public long renders() {
        return renders.sum();
    }

    /** How many shapes are kept (for tests). */
    int size() {
        return templates.size();
    }
}
