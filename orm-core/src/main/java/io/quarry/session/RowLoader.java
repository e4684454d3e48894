package io.quarry.session;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns result-set rows into entities through the identity map: a row whose id the session
 * already holds returns that instance (an expired one is refreshed in place), a new row becomes
 * a persistent object with a snapshot (none in read-only mode). A session without an identity map
 * only builds objects. Not thread-safe.
 */
final class RowLoader {

    private final SessionSupport session;

    RowLoader(SessionSupport session) {
        this.session = session;
    }

    /**
     * The entity in the current row. {@code columns[i]} is the 1-based result column of property
     * {@code i}, or null when the columns follow property order. Untracked loads bypass the
     * identity map except to return an instance it already holds.
     */
    <T> T load(ResultSet resultSet, EntityModel<T> model, int[] columns, boolean track) throws SQLException {
        List<PropertyModel> properties = model.properties();
        PropertyModel idProperty = model.id();
        Object id = idProperty.codec().read(resultSet, column(columns, idProperty.position()));
        if (!session.options().identityMap()) {
            return model.instantiate(read(resultSet, properties, columns, idProperty.position(), id));
        }
        EntityState existing = session.work().held(model.type(), id);
        if (existing != null && !existing.expired) {
            return model.type().cast(existing.instance);
        }
        Object[] values = read(resultSet, properties, columns, idProperty.position(), id);
        if (existing != null) {
            refresh(existing, values);
            return model.type().cast(existing.instance);
        }
        T instance = model.instantiate(values);
        if (!track) {
            return instance;
        }
        EntityState state = new EntityState(model, instance, ObjectState.PERSISTENT);
        state.id = id;
        if (!session.options().readOnly()) {
            // the instance holds these very values (a record may have normalized them; then read back)
            if (model.isRecord()) {
                state.takeSnapshot();
            } else {
                state.takeSnapshot(values);
            }
        }
        session.work().registerLoaded(state);
        return instance;
    }

    /** The values of every property in the current row, the id (already read) at {@code idPosition}. */
    private static Object[] read(ResultSet resultSet, List<PropertyModel> properties, int[] columns, int idPosition,
            Object id) throws SQLException {
        Object[] values = new Object[properties.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i == idPosition ? id : properties.get(i).codec().read(resultSet, column(columns, i));
        }
        return values;
    }

    private void refresh(EntityState state, Object[] values) {
        if (state.model.isRecord()) {
            session.work().replace(state, state.model.instantiate(values));
        } else {
            List<PropertyModel> properties = state.model.properties();
            for (int i = 0; i < values.length; i++) {
                properties.get(i).set(state.instance, values[i]);
            }
        }
        if (state.state == ObjectState.REMOVED) {
            return;
        }
        if (session.options().readOnly()) {
            state.expired = false;
        } else {
            state.takeSnapshot();
        }
    }

    private static int column(int[] columns, int position) {
        return columns == null ? position + 1 : columns[position];
    }
}
