package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RowReader;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the rows of one result set into entities through the identity map: a row whose id the
 * session already holds returns that instance (an expired one is refreshed in place), a new row
 * becomes a persistent object with a snapshot (none in read-only mode). A session without an
 * identity map only builds objects. Specialized once per result set, as Jdbi's
 * {@code RowMapper.specialize}: where each property's column is (by position, or by label from the
 * result set's metadata) and whether rows are tracked are settled before the first row, and the
 * model's {@link RowReader} for those columns reads every row. A record that holds references
 * cannot be given them after it is built: its rows wait as values ({@link PendingRecords}, null in
 * the result) until {@link #resolve} loaded the references, and {@link #complete} puts the records
 * in the result. Not thread-safe.
 *
 * @param <T> the entity type
 */
final class RowLoader<T> implements ResultMapper<T> {

    private final SessionSupport session;
    private final EntityModel<T> model;
    private final RowReader<T> reader;
    private final boolean identityMap;
    private final boolean track;
    private final boolean snapshots;
    /** Whether the entity has relations to resolve once the rows are read. */
    private final boolean relations;
    /** The objects built from rows since the last {@link #resolve}, and their row values. */
    private final List<Object> fresh;
    private final List<Object[]> freshValues;
    /** The objects returned from the identity map since the last {@link #resolve}. */
    private final List<Object> held;
    /** The references read from the same rows (joined loading), or null. */
    private final JoinedReferences joined;
    /** The entity's after-load listeners, or null when it has none. */
    private final EntityListener<Object>[] afterLoad;
    /** For a record holding references, its rows until the references are loaded; null otherwise. */
    private final PendingRecords<T> pending;

    private RowLoader(SessionSupport session, EntityModel<T> model, int[] columns, boolean track,
            JoinedReferences joined) {
        this.session = session;
        this.model = model;
        this.reader = model.rowReader(columns);
        this.identityMap = session.options().identityMap();
        this.track = track;
        this.snapshots = !session.options().readOnly();
        this.relations = !model.relations().isEmpty();
        this.fresh = relations ? new ArrayList<>() : null;
        this.freshValues = relations ? new ArrayList<>() : null;
        this.held = relations ? new ArrayList<>() : null;
        this.joined = joined;
        EntityCallbacks callbacks = session.engine().callbacks;
        EntityListener<Object>[] listeners = callbacks == null ? null : callbacks.loading(model.type());
        this.afterLoad = listeners == null || listeners.length == 0 ? null : listeners;
        this.pending = model.isRecord() && model.hasReferences() ? new PendingRecords<>(model) : null;
    }

    /** For a result set whose columns {@code columns[i]} hold the properties (relation loads). */
    static <T> RowLoader<T> atColumns(SessionSupport session, EntityModel<T> model, boolean track, int[] columns) {
        return new RowLoader<>(session, model, columns, track, null);
    }

    /** {@link #atColumns(SessionSupport, EntityModel, boolean, int[])} also reading {@code joined} references from each row. */
    static <T> RowLoader<T> atColumns(SessionSupport session, EntityModel<T> model, boolean track, int[] columns,
            JoinedReferences joined) {
        return new RowLoader<>(session, model, columns, track, joined);
    }

    /**
     * Loads the relations of the objects read since the last call (for all of them at once: see
     * {@link RelationLoader}), with what {@code plan} adds; {@code alsoHeld} are more objects of the
     * entity whose collections the plan names. Call after the last row, outside the result set.
     */
    void resolve(FetchPlan plan, List<Object> alsoHeld) {
        resolve(new RelationLoader(session, track), plan, alsoHeld);
    }

    /** {@link #resolve(FetchPlan, List)} through {@code loader}, which knows what its load has read already. */
    void resolve(RelationLoader loader, FetchPlan plan, List<Object> alsoHeld) {
        if (joined != null) {
            joined.resolve(plan);
        }
        if (pending != null) {
            resolveRecords(loader, plan, alsoHeld);
            return;
        }
        if (!relations || fresh.isEmpty() && held.isEmpty() && alsoHeld.isEmpty()) {
            return;
        }
        List<Object> objects = new ArrayList<>(fresh);
        List<Object[]> values = new ArrayList<>(freshValues);
        List<Object> returned = new ArrayList<>(held);
        returned.addAll(alsoHeld);
        fresh.clear();
        freshValues.clear();
        held.clear();
        loader.load(model, objects, values, returned, plan);
    }

    /** Loads the references of the pending records, then builds them (see {@link PendingRecords}). */
    private void resolveRecords(RelationLoader loader, FetchPlan plan, List<Object> alsoHeld) {
        if (pending.isEmpty() && held.isEmpty() && alsoHeld.isEmpty()) {
            return;
        }
        List<Object> returned = new ArrayList<>(held);
        returned.addAll(alsoHeld);
        held.clear();
        loader.loadRecordReferences(model, pending.values(), returned, plan);
        pending.build(this::settle);
    }

    /**
     * {@code rows}, as {@link #map} returned them, with the records that waited for their references
     * in place: call after {@link #resolve}. The same list for every other entity.
     */
    List<T> complete(List<T> rows) {
        return pending == null ? rows : pending.fill(rows);
    }

    /** Keeps the row of a record holding references, to build once they are loaded; null in the result until then. */
    private T defer(ResultSet resultSet) throws SQLException {
        Object[] values = reader.values(resultSet);
        Object id = values[model.id().position()];
        EntityState.EntityKey key = new EntityState.EntityKey(model.type(), id);
        EntityState existing = null;
        if (identityMap) {
            if (pending.again(key)) {
                return null;
            }
            existing = session.work().held(key);
            if (existing != null && !existing.expired) {
                held.add(existing.instance);
                return model.type().cast(existing.instance);
            }
        }
        if (joined != null) {
            joined.readInto(values, id, resultSet);
        }
        pending.add(key, values, existing, identityMap && existing == null && track, identityMap);
        return null;
    }

    /** A record just built: put in place of the expired one it refreshes, or registered, or only handed out. */
    private Object settle(Object record, EntityState.EntityKey key, EntityState existing, boolean register) {
        if (existing != null) {
            session.work().replace(existing, record);
            if (existing.state != ObjectState.REMOVED) {
                if (snapshots) {
                    existing.takeSnapshot();
                } else {
                    existing.expired = false;
                }
            }
            return record;
        }
        T instance = model.type().cast(record);
        if (register) {
            EntityState state = register(instance, key.id(), key);
            if (snapshots) {
                state.takeSnapshot(); // read back: a record may normalize what it was given
            }
        }
        return loaded(instance);
    }

    /** {@link #resolve(FetchPlan, List)} with the declared fetch modes only. */
    void resolve(FetchPlan plan) {
        resolve(plan, List.of());
    }

    /** Builds a new object from the row, keeping its values for the relations. */
    private T readForRelations(ResultSet resultSet, Object[] values) throws SQLException {
        T instance = reader.read(resultSet, values);
        readRelations(resultSet, instance, values);
        return instance;
    }

    /** Keeps {@code instance}, new to the session, and its row's values for the relation loader. */
    private void readRelations(ResultSet resultSet, T instance, Object[] values) throws SQLException {
        if (joined != null) {
            joined.read(instance, values, resultSet);
        }
        fresh.add(instance);
        freshValues.add(values);
    }

    /**
     * For a result set whose columns are {@code model}'s properties in order (as
     * {@code Select.from(model)} renders them). Untracked loads bypass the identity map except to
     * return an instance it already holds.
     */
    static <T> RowLoader<T> byPosition(SessionSupport session, EntityModel<T> model, boolean track) {
        return new RowLoader<>(session, model, model.positionalColumns(), track, null);
    }

    /** For hand-written SQL: each property's column found by label in {@code resultSet}'s metadata, once. */
    static <T> RowLoader<T> byLabel(SessionSupport session, EntityModel<T> model, boolean track, ResultSet resultSet)
            throws SQLException {
        return new RowLoader<>(session, model, columnsByLabel(model, resultSet), track, null);
    }

    /** The entity in the current row. */
    @Override
    public T map(ResultSet resultSet) throws SQLException {
        if (pending != null) {
            return defer(resultSet);
        }
        if (!identityMap) {
            return loaded(relations ? readForRelations(resultSet, new Object[model.properties().size()])
                    : reader.read(resultSet));
        }
        if (!relations) {
            return readThenLookUp(resultSet);
        }
        // with relations (never a record: a record's references wait in pending), the row is read first, its
        // id taken from the values (one read of the id column), and only a row new to the session goes on to
        // the relation loader; a row the session holds returns the held object and the one just built is dropped
        Object[] values = new Object[model.properties().size()];
        T instance = reader.read(resultSet, values);
        Object id = values[model.id().position()];
        EntityState.EntityKey key = new EntityState.EntityKey(model.type(), id);
        EntityState existing = session.work().held(key);
        if (existing != null) {
            if (existing.expired) {
                refresh(existing, values);
            }
            held.add(existing.instance);
            return model.type().cast(existing.instance);
        }
        readRelations(resultSet, instance, values);
        if (track) {
            EntityState state = register(instance, id, key);
            if (snapshots) {
                state.takeSnapshot(values);
            }
        }
        return loaded(instance);
    }

    /**
     * {@link #map} for an entity without relations: builds the object first and takes its id from it,
     * so the id column is read once (the usual row is new to the session); a row the session already
     * holds returns the held object, refreshed if expired, and the one just built is dropped.
     */
    private T readThenLookUp(ResultSet resultSet) throws SQLException {
        Object[] values = track && snapshots && !model.isRecord() ? new Object[model.properties().size()] : null;
        T instance = values == null ? reader.read(resultSet) : reader.read(resultSet, values);
        Object id = model.idOf(instance);
        EntityState.EntityKey key = new EntityState.EntityKey(model.type(), id);
        EntityState existing = session.work().held(key);
        if (existing != null) {
            if (existing.expired) {
                refresh(existing, reader.values(resultSet));
            }
            return model.type().cast(existing.instance);
        }
        if (track) {
            EntityState state = register(instance, id, key);
            if (values != null) {
                state.takeSnapshot(values);
            } else if (snapshots) {
                state.takeSnapshot(); // a record may have normalized the values it was given: read them back
            }
        }
        return loaded(instance);
    }

    /** {@code instance}, just built from a row, after its after-load listeners ran. */
    private T loaded(T instance) {
        if (afterLoad != null) {
            EntityCallbacks.afterLoad(afterLoad, instance);
        }
        return instance;
    }

    private EntityState register(T instance, Object id, EntityState.EntityKey key) {
        EntityState state = new EntityState(model, instance, ObjectState.PERSISTENT);
        state.id = id;
        session.work().registerLoaded(state, key);
        return state;
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
        if (snapshots) {
            state.takeSnapshot();
        } else {
            state.expired = false;
        }
    }

    /** For each property, the 1-based result column holding it, matched by label. */
    static int[] columnsByLabel(EntityModel<?> model, ResultSet resultSet) throws SQLException {
        ResultSetMetaData metadata = resultSet.getMetaData();
        Map<String, Integer> byLabel = new HashMap<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            byLabel.putIfAbsent(metadata.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        List<PropertyModel> properties = model.properties();
        int[] columns = new int[properties.size()];
        for (PropertyModel property : properties) {
            Integer index = byLabel.get(property.column().toLowerCase(Locale.ROOT));
            if (index == null) {
                throw new QuarryException("The SQL result lacks column '" + property.column() + "' of "
                        + model.type().getSimpleName() + " (has " + byLabel.keySet() + "); select every column (select *) "
                        + "or map the result into a record instead");
            }
            columns[property.position()] = index;
        }
        return columns;
    }
}
