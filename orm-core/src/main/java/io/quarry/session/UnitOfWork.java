package io.quarry.session;

import io.quarry.SessionStateException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping of one session and the one place where object states change: the identity map
 * (one state per row), the state of every instance, the pending and deleted objects, and what the
 * current transaction inserted, updated and deleted, so that a rollback (whole or to a savepoint)
 * can undo it in memory. Not thread-safe; owned by its session.
 *
 * <p>States: {@code add} makes an object PENDING (or undoes an unflushed delete); {@code markDeleted}
 * makes a persistent one REMOVED; a flush makes pending objects PERSISTENT and leaves deleted ones
 * REMOVED until the transaction ends; a commit detaches the deleted ones; a rollback makes objects
 * inserted in the transaction TRANSIENT again, deleted ones PERSISTENT, and expires the rest.
 */
final class UnitOfWork {

    private final Map<EntityState.EntityKey, EntityState> identityMap = new HashMap<>();
    private final InstanceIndex states = new InstanceIndex();
    private final List<EntityState> pending = new ArrayList<>();
    private final List<EntityState> deleted = new ArrayList<>();
    private final List<EntityState> insertedInTransaction = new ArrayList<>();
    private final List<Update> updatedInTransaction = new ArrayList<>();
    private final List<EntityState> deletedInTransaction = new ArrayList<>();
    private final List<CollectionChange> collectionsInTransaction = new ArrayList<>();
    /** Whether any object of an entity with relations was ever held: only then a flush looks at relations. */
    private boolean relations;

    // ---- looking up

    /** The state of a loaded or added instance, or null. */
    EntityState stateOf(Object instance) {
        return states.get(instance);
    }

    /** The state the identity map holds for {@code type} and {@code id}, or null. */
    EntityState held(Class<?> type, Object id) {
        return identityMap.get(new EntityState.EntityKey(type, id));
    }

    /** The object held under {@code key}, or null (a loader builds the key once per row and reuses it). */
    EntityState held(EntityState.EntityKey key) {
        return identityMap.get(key);
    }

    /** The persistent objects of {@code model} that the session holds. */
    List<EntityState> managedStates(EntityModel<?> model) {
        List<EntityState> result = new ArrayList<>();
        for (EntityState state : identityMap.values()) {
            if (state.model == model && state.state == ObjectState.PERSISTENT) {
                result.add(state);
            }
        }
        return result;
    }

    /** Whether the session ever held an object whose entity maps relations. */
    boolean hasRelations() {
        return relations;
    }

    /** The pending and persistent objects (those a flush writes or checks). */
    List<EntityState> liveStates() {
        List<EntityState> result = new ArrayList<>(pending);
        for (EntityState state : states.values()) {
            if (state.state == ObjectState.PERSISTENT) {
                result.add(state);
            }
        }
        return result;
    }

    /** The objects marked deleted and not yet flushed. */
    List<EntityState> deletedStates() {
        return List.copyOf(deleted);
    }

    /** Whether anything could need a flush: pending or deleted objects, or held ones that may have changed. */
    boolean mayNeedFlush() {
        return !pending.isEmpty() || !deleted.isEmpty() || !states.isEmpty();
    }

    /** Whether a flush would write anything. */
    boolean isDirty() {
        return !pending.isEmpty() || !deleted.isEmpty() || !FlushPlan.build(List.of(), states.values(), List.of()).isEmpty();
    }

    // ---- transitions the user asks for

    /**
     * Makes the object of {@code state} pending, or, when the instance is already known, undoes its
     * delete (unflushed: persistent again; flushed: pending again, to be re-inserted). Returns the
     * state that holds the instance.
     */
    EntityState add(EntityState state) {
        EntityState known = states.get(state.instance);
        if (known != null) {
            if (known.state == ObjectState.REMOVED) {
                if (deleted.remove(known)) {
                    known.state = ObjectState.PERSISTENT;
                } else {
                    known.state = ObjectState.PENDING;
                    pending.add(known);
                }
            }
            return known;
        }
        if (state.id != null) {
            EntityState holder = identityMap.get(state.key());
            if (holder != null && holder.state == ObjectState.REMOVED) {
                throw new SessionStateException("Cannot add " + Sessions.describe(state.instance) + ": the row with id "
                        + state.id + " is deleted in this session but not yet flushed; call flush() between the delete "
                        + "and the add");
            }
            if (holder != null && holder.instance != state.instance) {
                throw new SessionStateException("Cannot add " + Sessions.describe(state.instance) + ": the session "
                        + "already holds " + Sessions.describe(holder.instance) + " with the same id " + state.id + " ("
                        + holder.state + "). Change that instance instead, or use merge(...) to copy this one's state "
                        + "onto it");
            }
            identityMap.put(state.key(), state);
        }
        states.put(state.instance, state);
        pending.add(state);
        relations |= !state.model.relations().isEmpty();
        return state;
    }

    /** Marks a persistent object for deletion at the next flush; a pending one is simply forgotten. */
    void markDeleted(EntityState state) {
        if (state.state == ObjectState.PENDING) {
            pending.remove(state);
            forget(state);
            state.state = ObjectState.TRANSIENT;
        } else if (state.state == ObjectState.PERSISTENT) {
            // stays in the identity map until flushed, so get(...) answers null without a SELECT
            state.state = ObjectState.REMOVED;
            deleted.add(state);
        }
    }

    /** Removes the object of {@code state} from the session without touching the database. */
    void expunge(EntityState state) {
        pending.remove(state);
        deleted.remove(state);
        deletedInTransaction.remove(state);
        forget(state);
        state.state = ObjectState.DETACHED;
    }

    /** Forgets everything. */
    void clear() {
        identityMap.clear();
        states.clear();
        pending.clear();
        deleted.clear();
        insertedInTransaction.clear();
        updatedInTransaction.clear();
        deletedInTransaction.clear();
        collectionsInTransaction.clear();
        relations = false;
    }

    // ---- loading

    /** Registers an object just loaded from a row. */
    void registerLoaded(EntityState state) {
        registerLoaded(state, state.key());
    }

    /** {@link #registerLoaded(EntityState)} under {@code key}, the key of {@code state}'s type and id. */
    void registerLoaded(EntityState state, EntityState.EntityKey key) {
        identityMap.put(key, state);
        states.addLoaded(state);
        relations |= !state.model.relations().isEmpty();
    }

    /** A flush wrote the elements of a collection; {@code previous} is its snapshot before, for a rollback. */
    void collectionFlushed(EntityState state, io.quarry.mapping.RelationModel relation, List<Object> previous) {
        collectionsInTransaction.add(new CollectionChange(state, relation, previous));
    }

    /** Points {@code state} at a new instance (records are rebuilt to change a value). */
    void replace(EntityState state, Object instance) {
        if (state.instance != instance) {
            states.remove(state.instance);
            state.instance = instance;
            states.put(instance, state);
        }
    }

    /** Detaches the object of {@code state}, whose row a bulk DELETE removed. */
    void detachBulkDeleted(EntityState state) {
        forget(state);
        state.state = ObjectState.DETACHED;
    }

    // ---- flushing

    /** The ordered work of the next flush. */
    FlushPlan flushPlan() {
        return FlushPlan.build(pending, states.values(), deleted);
    }

    /** Settles states after {@code plan} was written: inserted objects become persistent, deleted ones stay REMOVED. */
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
                Object previousVersion = version == null ? null : state.snapshot[version.position()];
                if (version != null) {
                    replace(state, state.model.with(state.instance, version, Flusher.increment(previousVersion)));
                }
                state.takeSnapshot();
                updatedInTransaction.add(new Update(state, previousVersion));
            }
        }
        for (FlushPlan.Group group : plan.deletes) {
            for (EntityState state : group.states()) {
                // the row is gone, but the transaction may still roll back: keep the object, out of the identity map
                if (identityMap.get(state.key()) == state) {
                    identityMap.remove(state.key());
                }
                deletedInTransaction.add(state);
            }
        }
        deleted.clear();
    }

    // ---- ending the transaction

    /** The objects the transaction inserted, updated or deleted, each once, in the order first written. */
    List<Object> writtenInTransaction() {
        Map<EntityState, Boolean> seen = new IdentityHashMap<>();
        List<Object> written = new ArrayList<>();
        List<EntityState> all = new ArrayList<>(insertedInTransaction);
        updatedInTransaction.forEach(update -> all.add(update.state()));
        all.addAll(deletedInTransaction);
        for (EntityState state : all) {
            if (seen.put(state, Boolean.TRUE) == null) {
                written.add(state.instance);
            }
        }
        return written;
    }

    /** The transaction committed: objects deleted in it are detached. */
    void afterCommit() {
        for (EntityState state : deletedInTransaction) {
            if (state.state == ObjectState.REMOVED) {
                states.remove(state.instance);
                state.state = ObjectState.DETACHED;
            }
        }
        forgetTransaction();
    }

    /**
     * The transaction rolled back: objects inserted or added in it become transient again, deleted
     * ones persistent, and every held object is expired (reloaded in place by the next read).
     */
    void afterRollback() {
        rollBackTo(new Mark(0, 0, 0, 0));
        states.expireAll();
        forgetTransaction();
    }

    /** Where the transaction stands now; {@link #rollBackTo} undoes what happens after it. */
    Mark mark() {
        return new Mark(insertedInTransaction.size(), updatedInTransaction.size(), deletedInTransaction.size(),
                collectionsInTransaction.size());
    }

    /** Whether {@code mark} could have been taken in the current transaction. */
    boolean isCurrent(Mark mark) {
        return mark.inserted <= insertedInTransaction.size() && mark.updated <= updatedInTransaction.size()
                && mark.deleted <= deletedInTransaction.size() && mark.collections <= collectionsInTransaction.size();
    }

    /**
     * The transaction rolled back to {@code mark}: objects added or inserted since become transient,
     * deletes since are undone (the objects are persistent and expired), objects updated since are
     * expired; everything older stays as it is.
     */
    void rollBackTo(Mark mark) {
        List<EntityState> inserted = insertedInTransaction.subList(mark.inserted, insertedInTransaction.size());
        for (EntityState state : inserted) {
            forget(state);
            resetGeneratedId(state);
        }
        inserted.clear();
        for (EntityState state : pending) {
            forget(state);
            resetGeneratedId(state);
        }
        pending.clear();
        for (EntityState state : deleted) {
            state.state = ObjectState.PERSISTENT;
        }
        deleted.clear();
        List<EntityState> flushedDeletes = deletedInTransaction.subList(mark.deleted, deletedInTransaction.size());
        for (EntityState state : flushedDeletes) {
            state.state = ObjectState.PERSISTENT;
            state.expired = true;
            registerLoaded(state);
        }
        flushedDeletes.clear();
        List<Update> updated = updatedInTransaction.subList(mark.updated, updatedInTransaction.size());
        for (int i = updated.size() - 1; i >= 0; i--) {
            updated.get(i).undo(this);
        }
        updated.clear();
        List<CollectionChange> collections = collectionsInTransaction.subList(mark.collections,
                collectionsInTransaction.size());
        for (int i = collections.size() - 1; i >= 0; i--) {
            CollectionChange change = collections.get(i);
            change.state().collectionSnapshot(change.relation(), change.previous());
        }
        collections.clear();
    }

    private void forgetTransaction() {
        insertedInTransaction.clear();
        updatedInTransaction.clear();
        deletedInTransaction.clear();
        collectionsInTransaction.clear();
    }

    /** An insert rolled back: the object is transient again, with the generated id and first version it had not. */
    private void resetGeneratedId(EntityState state) {
        state.state = ObjectState.TRANSIENT;
        if (!state.model.isRecord()) {
            unset(state.idGenerated ? state.model.id() : null, state.instance);
            unset(state.versionInitialized ? state.model.version() : null, state.instance);
        }
        state.idGenerated = false;
        state.versionInitialized = false;
    }

    private static void unset(PropertyModel property, Object instance) {
        if (property != null) {
            property.set(instance, property.isPrimitive() ? Sessions.zeroOf(property.javaType()) : null);
        }
    }

    private void forget(EntityState state) {
        if (state.id != null && identityMap.get(state.key()) == state) {
            identityMap.remove(state.key());
        }
        states.remove(state.instance);
    }

    /**
     * A flushed UPDATE of the transaction and the version the row had before it: a rollback puts
     * that version back on the object (the database has it again), so that saving the same object
     * in a new transaction is not taken for a stale copy.
     */
    private record Update(EntityState state, Object previousVersion) {

        void undo(UnitOfWork work) {
            PropertyModel version = state.model.version();
            if (version != null && (!version.isPrimitive() || previousVersion != null)) {
                work.replace(state, state.model.with(state.instance, version, previousVersion));
            }
            state.expired = true;
        }
    }

    /** How many inserts, updates, deletes and collection changes the transaction had flushed at some point (a savepoint). */
    record Mark(int inserted, int updated, int deleted, int collections) {
    }

    /** A flushed collection and its snapshot before the flush (null: none), for a rollback to put back. */
    private record CollectionChange(EntityState state, io.quarry.mapping.RelationModel relation, List<Object> previous) {
    }
}
