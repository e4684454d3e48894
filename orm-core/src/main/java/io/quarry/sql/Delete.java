package io.quarry.sql;

import io.quarry.dialect.Dialect;
import io.quarry.dialect.H2Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.SoftDeletion;
import io.quarry.types.CodecRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A DELETE from an entity's table with conditions. For an entity with a {@link io.quarry.mapping.SoftDelete}
 * it is an UPDATE that marks the live matching rows deleted, unless {@link #hard()}. Immutable and
 * thread-safe.
 */
public final class Delete {

    private final EntityModel<?> model;
    private final List<Predicate> where;
    private final boolean hard;
    private final boolean includeDeleted;

    private Delete(EntityModel<?> model, List<Predicate> where, boolean hard, boolean includeDeleted) {
        this.model = model;
        this.where = List.copyOf(where);
        this.hard = hard;
        this.includeDeleted = includeDeleted;
    }

    public static Delete from(EntityModel<?> model) {
        return new Delete(model, List.of(), false, false);
    }

    public Delete where(List<Predicate> predicates) {
        List<Predicate> all = new ArrayList<>(where);
        all.addAll(predicates);
        return new Delete(model, all, hard, includeDeleted);
    }

    /** The same statement removing the rows even when the entity soft-deletes. */
    public Delete hard() {
        return new Delete(model, where, true, includeDeleted);
    }

    /** The same statement matching rows already marked deleted too (a hard delete of them, or marking them again). */
    public Delete includeDeleted(boolean value) {
        return new Delete(model, where, hard, value);
    }

    public SqlStatement render(Dialect dialect, CodecRegistry codecs) {
        return render(dialect, codecs, null);
    }

    /**
     * The SQL and bindings, with {@code any()}/{@code has()} conditions resolved through
     * {@code models}; a relation path would need a join, which a bulk delete does not take the
     * same way on every database, so it is refused with the {@code has(...)} that says the same.
     */
    public SqlStatement render(Dialect dialect, ModelRegistry models) {
        return render(dialect, models.codecs(), models);
    }

    private SqlStatement render(Dialect dialect, CodecRegistry codecs, ModelRegistry models) {
        RenderContext context = RenderContext.refusingJoins(dialect, codecs, models, model, "a bulk delete cannot take; "
                + "write the condition with has(...), e.g. has(Host::getDatacenter, col(Datacenter::getRegion).eq(...))");
        SoftDeletion deletion = model.softDeletion();
        if (deletion == null || hard) {
            context.append("delete from ").identifier(model.table());
        } else {
            context.append("update ").identifier(model.table()).append(" set ")
                    .identifier(deletion.property().column()).append(" = ").bind(SoftDeletes.deletedValue(deletion));
        }
        Select.renderConditions(context, " where ", SoftDeletes.live(model, where, includeDeleted));
        return context.toStatement();
    }

    @Override
    public String toString() {
        return render(new H2Dialect(), CodecRegistry.withDefaults()).toString();
    }
}
