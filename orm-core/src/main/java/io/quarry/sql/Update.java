package io.quarry.sql;

import io.quarry.QuarryException;
import io.quarry.dialect.Dialect;
import io.quarry.dialect.H2Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.types.CodecRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * An UPDATE of an entity's table: assignments ({@code col = ?} or {@code col = col + ?}) and
 * conditions. Immutable and thread-safe.
 */
public final class Update {

    private final EntityModel<?> model;
    private final List<Assignment> assignments;
    private final List<Predicate> where;
    private final boolean includeDeleted;

    private Update(EntityModel<?> model, List<Assignment> assignments, List<Predicate> where, boolean includeDeleted) {
        this.model = model;
        this.assignments = List.copyOf(assignments);
        this.where = List.copyOf(where);
        this.includeDeleted = includeDeleted;
    }

    public static Update table(EntityModel<?> model) {
        return new Update(model, List.of(), List.of(), false);
    }

    /** The same statement changing rows a {@link io.quarry.mapping.SoftDelete} marks deleted too (restoring them, say). */
    public Update includeDeleted(boolean value) {
        return new Update(model, assignments, where, value);
    }

    public Update set(List<Assignment> values) {
        List<Assignment> all = new ArrayList<>(assignments);
        all.addAll(values);
        return new Update(model, all, where, includeDeleted);
    }

    public Update where(List<Predicate> predicates) {
        List<Predicate> all = new ArrayList<>(where);
        all.addAll(predicates);
        return new Update(model, assignments, all, includeDeleted);
    }

    public List<Assignment> assignments() {
        return assignments;
    }

    public SqlStatement render(Dialect dialect, CodecRegistry codecs) {
        return render(dialect, codecs, null);
    }

    /**
     * The SQL and bindings, with {@code any()}/{@code has()} conditions resolved through
     * {@code models}; a relation path would need a join, which a bulk update does not take the
     * same way on every database, so it is refused with the {@code has(...)} that says the same.
     */
    public SqlStatement render(Dialect dialect, ModelRegistry models) {
        return render(dialect, models.codecs(), models);
    }

    private SqlStatement render(Dialect dialect, CodecRegistry codecs, ModelRegistry models) {
        if (assignments.isEmpty()) {
            throw new QuarryException("UPDATE of " + model.table() + " sets no column; pass at least one set(...)");
        }
        RenderContext context = RenderContext.refusingJoins(dialect, codecs, models, model, "a bulk update cannot take; "
                + "write the condition with has(...), e.g. has(Host::getDatacenter, col(Datacenter::getRegion).eq(...))");
        context.append("update ").identifier(model.table()).append(" set ");
        for (int i = 0; i < assignments.size(); i++) {
            if (i > 0) {
                context.append(", ");
            }
            assignments.get(i).render(context);
        }
        Select.renderConditions(context, " where ", SoftDeletes.live(model, where, includeDeleted));
        return context.toStatement();
    }

    @Override
    public String toString() {
        return render(new H2Dialect(), CodecRegistry.withDefaults()).toString();
    }
}
