package io.quarry.repository.query.projection;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.session.ResultMapper;
import java.util.List;

/** Whole entities, loaded through the session's identity map. Immutable. */
public final class EntityProjection implements Projection {

    private final EntityModel<?> model;

    public EntityProjection(EntityModel<?> model) {
        this.model = model;
    }

    public EntityModel<?> model() {
        return model;
    }

    @Override
    public boolean isEntity() {
        return true;
    }

    @Override
    public List<PropertyModel> properties() {
        return model.properties();
    }

    @Override
    public ResultMapper<Object> byPosition() {
        throw new IllegalStateException("entities load through the session");
    }

    @Override
    public ResultMapper<Object> byLabel() {
        throw new IllegalStateException("entities load through the session");
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
