package io.quarry.session;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping of one session: the identity map (one state per row), the state of every
 * instance, the pending and deleted objects, and what the current transaction inserted and
 * updated (so a rollback can undo it in memory). Not thread-safe; owned by its {@link Session}.
 */
final class UnitOfWork {

    final Map<EntityState.EntityKey, EntityState> identityMap = new HashMap<>();
    final Map<Object, EntityState> states = new IdentityHashMap<>();
    final List<EntityState> pending = new ArrayList<>();
    final List<EntityState> deleted = new ArrayList<>();
    final List<EntityState> insertedInTransaction = new ArrayList<>();
    final List<EntityState> updatedInTransaction = new ArrayList<>();

    /** Forgets everything. */
    void clear() {
        identityMap.clear();
        states.clear();
        pending.clear();
        deleted.clear();
        insertedInTransaction.clear();
        updatedInTransaction.clear();
    }

    /** Registers an object just loaded from a row. */
    void registerLoaded(EntityState state) {
        identityMap.put(state.key(), state);
        states.put(state.instance, state);
    }

    /** Points {@code state} at a new instance (records are rebuilt to change a value). */
    void replace(EntityState state, Object instance) {
        if (state.instance != instance) {
            states.remove(state.instance);
            state.instance = instance;
            states.put(instance, state);
        }
    }

    /** Drops {@code state} from the identity map (bulk delete). */
    void removeDeleted(EntityState state) {
        forget(state);
        state.state = ObjectState.DETACHED;
    }

    Iterable<EntityState> managedStates(EntityModel<?> model) {
        List<EntityState> result = new ArrayList<>();
        for (EntityState state : identityMap.values()) {
            if (state.model == model && state.state == ObjectState.PERSISTENT) {
                result.add(state);
            }
        }
        return result;
    }

    void finishFlush(FlushPlan plan) {
        for (FlushPlan.Group group : plan.inserts) {
            for (EntityState state : group.states()) {
                state.state = ObjectState.PERSISTENT;
                state.id = state.model.idOf(state.instance);
                identityMap.put(state.key(), state);
                state.takeSnapshot();
                insertedInTransaction.add(state);
            }
        }
        pending.clear();
        for (FlushPlan.Group group : plan.updates) {
            PropertyModel version = group.model().version();
            for (EntityState state : group.states()) {
                if (version != null) {
                    replace(state, state.model.with(state.instance, version,
                            Flusher.increment(state.snapshot[version.position()])));
                }
                state.takeSnapshot();
                updatedInTransaction.add(state);
            }
        }
        for (FlushPlan.Group group : plan.deletes) {
            for (EntityState state : group.states()) {
                forget(state);
            }
        }
        deleted.clear();
    }

    /** After a rollback: inserts from {@code firstInsert} on and pending objects become transient, deletes are undone. */
    void undo(int firstInsert) {
        List<EntityState> inserted = insertedInTransaction.subList(firstInsert, insertedInTransaction.size());
        for (EntityState state : inserted) {
            forget(state);
            resetGeneratedId(state);
        }
        inserted.clear();
        for (EntityState state : new ArrayList<>(pending)) {
            forget(state);
            resetGeneratedId(state);
        }
        pending.clear();
        for (EntityState state : deleted) {
            state.state = ObjectState.PERSISTENT;
            identityMap.put(state.key(), state);
        }
        deleted.clear();
    }

    void resetGeneratedId(EntityState state) {
        state.state = ObjectState.TRANSIENT;
        if (state.idGenerated && !state.model.isRecord()) {
            PropertyModel id = state.model.id();
            id.set(state.instance, id.isPrimitive() ? zeroOf(id.javaType()) : null);
        }
        state.idGenerated = false;
    }

    private static Object zeroOf(Class<?> type) {
        return type == long.class ? (Object) 0L : type == short.class ? (Object) (short) 0 : (Object) 0;
    }

    void forget(EntityState state) {
        if (state.id != null && identityMap.get(state.key()) == state) {
            identityMap.remove(state.key());
        }
        states.remove(state.instance);
    }
}
