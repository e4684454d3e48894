package io.quarry.session;

import io.quarry.mapping.EntityModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a record entity that holds references, kept as values until the references are
 * loaded: a record cannot be given them after its canonical constructor ran. The loader maps such a
 * row to {@code null} in the result, {@link #build} turns every pending row into its record once
 * the referenced objects replaced the keys in the values, and {@link #fill} puts the records where
 * the nulls are, in row order. Not thread-safe; one per result set.
 *
 * @param <T> the record type
 */
final class PendingRecords<T> {

    /** One row to build: its values, and the state it refreshes or is registered with (null: neither). */
    private static final class Pending {
        final EntityState.EntityKey key;
        final Object[] values;
        final EntityState existing;
        final boolean register;
        Object instance;

        Pending(EntityState.EntityKey key, Object[] values, EntityState existing, boolean register) {
            this.key = key;
            this.values = values;
            this.existing = existing;
            this.register = register;
        }
    }

    private final EntityModel<T> model;
    /** The pending row of each null in the result, in row order (a row read twice appears twice). */
    private final List<Pending> order = new ArrayList<>();
    /** The rows not built yet, each once. */
    private final List<Pending> unbuilt = new ArrayList<>();
    /** The unbuilt rows by key (identity map only: the same id twice is one record). */
    private final Map<EntityState.EntityKey, Pending> byKey = new HashMap<>();

    PendingRecords(EntityModel<T> model) {
        this.model = model;
    }

    /** The pending row for {@code key}, which the result then holds once more; false when there is none. */
    boolean again(EntityState.EntityKey key) {
        Pending pending = byKey.get(key);
        if (pending == null) {
            return false;
        }
        order.add(pending);
        return true;
    }

    /**
     * Keeps a row to build: {@code existing} is the expired state it refreshes, {@code register}
     * whether the record joins the identity map.
     */
    void add(EntityState.EntityKey key, Object[] values, EntityState existing, boolean register, boolean identityMap) {
        Pending pending = new Pending(key, values, existing, register);
        order.add(pending);
        unbuilt.add(pending);
        if (identityMap) {
            byKey.put(key, pending);
        }
    }

    boolean isEmpty() {
        return unbuilt.isEmpty();
    }

    /** The values of the rows to build, in which the references' keys are to be replaced by their objects. */
    List<Object[]> values() {
        List<Object[]> values = new ArrayList<>(unbuilt.size());
        unbuilt.forEach(pending -> values.add(pending.values));
        return values;
    }

    /** Builds each pending record; {@code settle} registers or refreshes it and returns what the result holds. */
    void build(Settle settle) {
        for (Pending pending : unbuilt) {
            pending.instance = settle.settle(model.instantiate(pending.values), pending.key, pending.existing,
                    pending.register);
        }
        unbuilt.clear();
        byKey.clear();
    }

    /** What is done with a record just built: registered, put in an expired state's place, listeners run. */
    interface Settle {
        Object settle(Object record, EntityState.EntityKey key, EntityState existing, boolean register);
    }

    /** {@code rows} with each null (a row mapped before its references were loaded) replaced by its record. */
    List<T> fill(List<T> rows) {
        if (order.isEmpty()) {
            return rows;
        }
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null && next < order.size()) {
                rows.set(i, model.type().cast(order.get(next++).instance));
            }
        }
        order.subList(0, next).clear();
        return rows;
    }
}
