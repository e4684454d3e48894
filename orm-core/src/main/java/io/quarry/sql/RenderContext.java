package io.quarry.sql;

import io.quarry.MappingException;
import io.quarry.dialect.Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one rendering: the dialect, the entity whose columns are referenced, the SQL
 * being written and its bindings. Short-lived and not thread-safe.
 */
public final class RenderContext {

    private final Dialect dialect;
    private final CodecRegistry codecs;
    private final EntityModel<?> model;
    private final StringBuilder sql = new StringBuilder(128);
    private final List<Binding> bindings = new ArrayList<>();

    public RenderContext(Dialect dialect, CodecRegistry codecs, EntityModel<?> model) {
        this.dialect = dialect;
        this.codecs = codecs;
        this.model = model;
    }

    public Dialect dialect() {
        return dialect;
    }

    public CodecRegistry codecs() {
        return codecs;
    }

    public EntityModel<?> model() {
        return model;
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
        sql.append('?');
        bindings.add(new ValueBinding(value, codec));
        return this;
    }

    /** Adds a binding for a placeholder the dialect already wrote (LIMIT/OFFSET). */
    public RenderContext bindValueOnly(Object value, Codec<Object> codec) {
        bindings.add(new ValueBinding(value, codec));
        return this;
    }

    /** Appends a placeholder with a ready-made binding (e.g. a run-time {@link Parameter}). */
    public RenderContext bind(Binding binding) {
        sql.append('?');
        bindings.add(binding);
        return this;
    }

    /** Resolves a property of the rendered entity, checking that a method reference belongs to it. */
    public PropertyModel property(Class<?> declaredOn, String name) {
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
}
