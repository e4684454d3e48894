package io.quarry.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of every instance a session holds, found by the instance (identity, not {@code equals}).
 * Loads only append to a list: the instances are hashed into the index when something first asks
 * for an instance's state (an {@code add}, a delete, a flush), so a read that only hands objects out,
 * the usual read-only session, never hashes them. Not thread-safe; owned by its {@link UnitOfWork}.
 */
final class InstanceIndex {

    /** Sized for the few objects most sessions hold (a read outside a transaction holds none); grows as needed. */
    private final Map<Object, EntityState> indexed = new IdentityHashMap<>(2);
    private final List<EntityState> loaded = new ArrayList<>();

    EntityState get(Object instance) {
        return index().get(instance);
    }

    void put(Object instance, EntityState state) {
        index().put(instance, state);
    }

    void remove(Object instance) {
        index().remove(instance);
    }

    /** Adds the state of an object just loaded, without hashing its instance yet. */
    void addLoaded(EntityState state) {
        loaded.add(state);
    }

    /** Every state, each once. */
    Collection<EntityState> values() {
        return index().values();
    }

    /** Expires every held object, without indexing what is not yet (a state in both is expired twice, the same). */
    void expireAll() {
        for (EntityState state : indexed.values()) {
            state.expired = true;
        }
        for (EntityState state : loaded) {
            state.expired = true;
        }
    }

    boolean isEmpty() {
        return indexed.isEmpty() && loaded.isEmpty();
    }

    void clear() {
        indexed.clear();
        loaded.clear();
    }

    private Map<Object, EntityState> index() {
        if (!loaded.isEmpty()) {
            for (EntityState state : loaded) {
                indexed.put(state.instance, state);
            }
            loaded.clear();
        }
        return indexed;
    }
}
