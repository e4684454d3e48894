package io.quarry.sql;

import io.quarry.MappingException;
import io.quarry.dialect.Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.PropertyModel;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one rendering: the dialect, the entity whose columns are referenced (its
 * {@link Scope}: qualification and the joins of relation paths), the SQL being written and its
 * bindings. Short-lived and not thread-safe.
 */
public final class RenderContext {

    private final Dialect dialect;
    private final CodecRegistry codecs;
    private final ModelRegistry models;
    private final Scope scope;
    private final StringBuilder sql = new StringBuilder(128);
    private final List<Binding> bindings = new ArrayList<>();
    /** When recording for {@link RenderedSelects}: each binding's slot and the value it was given; else null. */
    private final Recording recording;

    /** A rendering without the engine's models: relation paths and any()/has() cannot be used in it. */
    public RenderContext(Dialect dialect, CodecRegistry codecs, EntityModel<?> model) {
        this(dialect, codecs, null, root(dialect, model, null), null);
    }

    /** A rendering of a statement reading {@code model}, whose relation paths are resolved through {@code models}. */
    public RenderContext(Dialect dialect, ModelRegistry models, EntityModel<?> model) {
        this(dialect, models.codecs(), models, root(dialect, model, null), null);
    }

    private RenderContext(Dialect dialect, CodecRegistry codecs, ModelRegistry models, Scope scope, Recording recording) {
        this.dialect = dialect;
        this.codecs = codecs;
        this.models = models;
        this.scope = scope;
        this.recording = recording;
    }

    /** A rendering of a statement reading {@code model} that records how each value was bound ({@link #template}). */
    static RenderContext recording(Dialect dialect, ModelRegistry models, EntityModel<?> model) {
        return new RenderContext(dialect, models.codecs(), models, root(dialect, model, null), new Recording());
    }

    /** The root scope of a statement on {@code model}'s table; {@code noJoins} says why joins are refused, if they are. */
    static Scope root(Dialect dialect, EntityModel<?> model, String noJoins) {
        String table = model == null ? null : dialect.quote(model.table());
        return new Scope(model, table, false, noJoins, new Scope.Aliases(model == null ? "" : model.table()));
    }

    /** A rendering of a statement whose own table may not be joined ({@code why}: UPDATE, DELETE). */
    static RenderContext refusingJoins(Dialect dialect, CodecRegistry codecs, ModelRegistry models, EntityModel<?> model,
            String why) {
        return new RenderContext(dialect, models == null ? codecs : models.codecs(), models, root(dialect, model, why), null);
    }

    /**
     * Another rendering of the same statement with its own columns qualified and the joins this one
     * found rendered in its FROM clause (a statement learns that it joins only while rendering).
     */
    RenderContext qualified() {
        return new RenderContext(dialect, codecs, models, scope.qualified(), Recording.fresh(recording));
    }

    /** An empty rendering in the same scope, for a part whose text is checked before it is appended. */
    RenderContext fork() {
        return new RenderContext(dialect, codecs, models, scope, Recording.fresh(recording));
    }

    /** An empty rendering of a subquery reading {@code inner} under {@code alias}, columns qualified. */
    RenderContext subquery(EntityModel<?> inner, String alias) {
        return new RenderContext(dialect, codecs, models, new Scope(inner, alias, true, null, scope.aliases()),
                Recording.fresh(recording));
    }

    /** Appends the SQL and bindings of {@code part}, rendered in {@link #fork()} or {@link #subquery}. */
    RenderContext append(RenderContext part) {
        sql.append(part.sql);
        bindings.addAll(part.bindings);
        if (recording != null) {
            recording.addAll(part.recording);
        }
        return this;
    }

    Scope scope() {
        return scope;
    }

    /** The engine's models, or {@code null} when this rendering has none. */
    ModelRegistry models() {
        return models;
    }

    public Dialect dialect() {
        return dialect;
    }

    public CodecRegistry codecs() {
        return codecs;
    }

    /** The entity whose columns plain property names mean here. */
    public EntityModel<?> model() {
        return scope.model();
    }

    /** Appends SQL text (never a value). */
    public RenderContext append(String text) {
        sql.append(text);
        return this;
    }

    /** Appends a quoted identifier. */
    public RenderContext identifier(String name) {
        sql.append(dialect.quote(name));
        return this;
    }

    /** Appends a placeholder bound to {@code value} through {@code codec}. */
    public RenderContext bind(Object value, Codec<Object> codec) {
        return bind(new ValueBinding(value, codec));
    }

    /** Adds a binding for a placeholder the dialect already wrote (LIMIT/OFFSET). */
    public RenderContext bindValueOnly(Object value, Codec<Object> codec) {
        unrecorded();
        bindings.add(new ValueBinding(value, codec));
        return this;
    }

    /** Appends a placeholder with a ready-made binding (e.g. a run-time {@link Parameter}). */
    public RenderContext bind(Binding binding) {
        unrecorded();
        sql.append('?');
        bindings.add(binding);
        return this;
    }

    /** Appends a placeholder for {@code value}, bound as {@code slot} says (and recorded so). */
    void bind(Values.Slot slot, Object value) {
        sql.append('?');
        bindValueOnly(slot, value);
    }

    /** Adds the binding of {@code value} for a placeholder the dialect already wrote (LIMIT/OFFSET). */
    void bindValueOnly(Values.Slot slot, Object value) {
        bindings.add(slot.binding(value, codecs));
        if (recording != null) {
            recording.add(slot, value);
        }
    }

    /** A binding whose slot is not known: a recording of this rendering cannot be reused. */
    private void unrecorded() {
        if (recording != null) {
            recording.broken = true;
        }
    }

    /** Resolves a property of the rendered entity, checking that a method reference belongs to it. */
    public PropertyModel property(Class<?> declaredOn, String name) {
        EntityModel<?> model = scope.model();
        if (model == null) {
            throw new MappingException("Property '" + name + "' is used where no entity is in scope");
        }
        if (declaredOn != null && !declaredOn.isAssignableFrom(model.type()) && !model.type().isAssignableFrom(declaredOn)) {
            throw new MappingException("Property " + declaredOn.getSimpleName() + "." + name + " does not belong to "
                    + model.type().getSimpleName() + ", which this statement reads");
        }
        return model.property(name);
    }

    /** The rendered statement. */
    public SqlStatement toStatement() {
        int max = dialect.maxBindParameters();
        if (bindings.size() > max) {
            throw new io.quarry.QuarryException("The statement has " + bindings.size() + " parameters, more than "
                    + dialect.name() + " accepts (" + max + "); split the IN list or the batch");
        }
        return new SqlStatement(sql.toString(), bindings);
    }

    /**
     * The text of this rendering with the slot of each placeholder, to bind the values of later
     * statements of {@code shape}; {@code null} when the rendering bound anything but the shape's values,
     * one by one in the shape's order (then the statement is rendered each time). Recording renderings only.
     */
    StatementTemplate template(String text, StatementShape shape) {
        List<Object> expected = shape.values();
        if (recording.broken || recording.values.size() != expected.size()) {
            return null;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (recording.values.get(i) != expected.get(i)) {
                return null;
            }
        }
        return new StatementTemplate(text, recording.slots.toArray(Values.Slot[]::new));
    }

    /** The slots and values of a recording rendering, in binding order. */
    private static final class Recording {
        private final List<Values.Slot> slots = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();
        private boolean broken;

        static Recording fresh(Recording parent) {
            return parent == null ? null : new Recording();
        }

        void add(Values.Slot slot, Object value) {
            slots.add(slot);
            values.add(value);
        }

        void addAll(Recording part) {
            slots.addAll(part.slots);
            values.addAll(part.values);
            broken |= part.broken;
        }
    }
}
