package io.quarry.sql;

import io.quarry.dialect.Dialect;
import io.quarry.dialect.H2Dialect;
import io.quarry.mapping.EntityModel;
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
        RenderContext context = new RenderContext(dialect, codecs, model);
        context.append("delete from ").identifier(model.table());
        Select.renderConditions(context, " where ", where);
        return context.toStatement();
    }

    @Override
    public String toString() {
        return render(new H2Dialect(), CodecRegistry.withDefaults()).toString();
    }
}
