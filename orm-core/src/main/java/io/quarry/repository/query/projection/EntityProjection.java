package io.quarry.repository.query.projection;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.session.StatementSession;
import io.quarry.sql.SqlStatement;
import java.util.List;
import java.util.stream.Stream;

/** Whole entities, loaded through the session's identity map. Immutable. */
final class EntityProjection implements Projection {

    private final EntityModel<Object> model;
    private final List<String> columns;

    @SuppressWarnings("unchecked")
    EntityProjection(EntityModel<?> model) {
        this.model = (EntityModel<Object>) model;
        this.columns = model.properties().stream().map(PropertyModel::name).toList();
    }

    @Override
    public boolean isEntity() {
        return true;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<Object> list(StatementSession session, SqlStatement statement, Object[] args) {
        return session.list(model, statement, args);
    }

    @Override
    public Stream<Object> stream(StatementSession session, SqlStatement statement, Object[] args) {
        return session.stream(model, statement, args);
    }

    @Override
    public List<Object> listByLabel(StatementSession session, SqlStatement statement, Object[] args) {
        return session.listByColumnLabel(model, statement, args);
    }

    @Override
    public Stream<Object> streamByLabel(StatementSession session, SqlStatement statement, Object[] args) {
        return session.streamByColumnLabel(model, statement, args);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntityProjection projection && projection.model == model;
    }

    @Override
    public int hashCode() {
        return model.hashCode();
    }
}
