package io.quarry.sql;

import io.quarry.dialect.Dialect;
import io.quarry.dialect.H2Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.types.CodecRegistry;
import java.util.ArrayList;
import java.util.List;

/** A DELETE from an entity's table with conditions. Immutable and thread-safe. */
public final class Delete {

    private final EntityModel<?> model;
    private final List<Predicate> where;

    private Delete(EntityModel<?> model, List<Predicate> where) {
        this.model = model;
        this.where = List.copyOf(where);
    }

    public static Delete from(EntityModel<?> model) {
        return new Delete(model, List.of());
    }

    public Delete where(List<Predicate> predicates) {
        List<Predicate> all = new ArrayList<>(where);
        all.addAll(predicates);
        return new Delete(model, all);
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
        context.append("delete from ").identifier(model.table());
        Select.renderConditions(context, " where ", where);
        return context.toStatement();
    }

    @Override
    public String toString() {
        return render(new H2Dialect(), CodecRegistry.withDefaults()).toString();
    }
}
