package io.quarry.session;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a session knows about one object: its model, id, state and the snapshot taken at load. Not thread-safe. */
final class EntityState {

    final EntityModel<Object> model;
    Object instance;
    Object id;
    ObjectState state;
    /** Column values as last read from or written to the database; null when not tracked. */
    Object[] snapshot;
    /** Set by rollback: the snapshot may not match the database, reload before trusting it. */
    boolean expired;
    /** The id was generated during the current transaction (reset if it rolls back). */
    boolean idGenerated;
    /** The next flush removes the row of this deleted object even when its entity soft-deletes. */
    boolean hardDelete;
    /** The insert of the current transaction gave the version its first value (reset if it rolls back). */
    boolean versionInitialized;
    /** Per loaded collection relation, its elements as last loaded or flushed; null until one is. */
    java.util.Map<io.quarry.mapping.RelationModel, List<Object>> collections;

    @SuppressWarnings("unchecked")
    EntityState(EntityModel<?> model, Object instance, ObjectState state) {
        this.model = (EntityModel<Object>) model;
        this.instance = instance;
        this.state = state;
    }

    /** The elements of {@code relation} as last loaded or flushed, or null if it never was. */
    List<Object> collectionSnapshot(io.quarry.mapping.RelationModel relation) {
        return collections == null ? null : collections.get(relation);
    }

    /** Records the elements of {@code relation} as the database has them now; returns the previous record. */
    List<Object> collectionSnapshot(io.quarry.mapping.RelationModel relation, List<Object> elements) {
        if (collections == null) {
            collections = new java.util.HashMap<>(4);
        }
        return elements == null ? collections.remove(relation) : collections.put(relation,
                java.util.Collections.unmodifiableList(new ArrayList<>(elements)));
    }

    EntityKey key() {
        return new EntityKey(model.type(), id);
    }

    /** Takes a new snapshot of the instance's current values. */
    void takeSnapshot() {
        List<PropertyModel> properties = model.properties();
        Object[] values = new Object[properties.size()];
        for (int i = 0; i < values.length; i++) {
            PropertyModel property = properties.get(i);
            values[i] = property.codec().snapshot(property.get(instance));
        }
        snapshot = values;
        expired = false;
    }

    /**
     * Takes the snapshot from the values just read from a row (one per property, in order), so a
     * load does not read every field back; only mutable values (byte[]) are copied.
     */
    void takeSnapshot(Object[] values) {
        List<PropertyModel> properties = model.properties();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof byte[]) {
                values[i] = properties.get(i).codec().snapshot(value);
            }
        }
        snapshot = values;
        expired = false;
    }

    /** The properties whose values differ from the snapshot; empty when clean or untracked. */
    List<PropertyModel> changedProperties() {
        if (snapshot == null || expired) {
            return List.of();
        }
        List<PropertyModel> changed = null;
        List<PropertyModel> properties = model.properties();
        for (int i = 0; i < properties.size(); i++) {
            PropertyModel property = properties.get(i);
            if (!property.codec().same(snapshot[i], property.get(instance))) {
                if (changed == null) {
                    changed = new ArrayList<>(4);
                }
                changed.add(property);
            }
        }
        return changed == null ? List.of() : changed;
    }

    @Override
    public String toString() {
        return model.type().getSimpleName() + "#" + id + " (" + state + ")";
    }

    /**
     * An identity map key: entity class and id. equals and hashCode are written out (one lookup per
     * loaded row; a record's generated ones go through an invokedynamic bootstrap).
     */
    record EntityKey(Class<?> type, Object id) {

        @Override
        public boolean equals(Object other) {
            return other instanceof EntityKey key && type == key.type && Objects.equals(id, key.id);
        }

        @Override
        public int hashCode() {
            return 31 * type.hashCode() + Objects.hashCode(id);
        }
    }
}
