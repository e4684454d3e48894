package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.mapping.Cascade;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.GenerationType;
import io.quarry.mapping.RelationModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relationship half of a flush, worked out before the rows are planned: the objects that
 * cascades save or delete, the back-references of one-to-many collections kept in step with the
 * collections (the many-to-one side owns the column), orphans deleted or let go, and the
 * many-to-many rows to insert and delete. Only collections that were loaded (or set by the
 * application) are looked at; an unloaded collection has not changed. Not thread-safe; one per
 * flush.
 */
final class RelationFlush {

    /** Join-table rows of one owning many-to-many: added and removed (owner, element) pairs. */
    record JoinRows(RelationModel relation, List<Object[]> inserted, List<Object[]> deleted) {
    }

    /** The join rows of deleted objects: of {@code join}'s owner side or element side, by key. */
    record DeletedKeys(RelationModel.JoinTable join, boolean ownerSide, EntityModel<?> model, List<Object> keys) {
    }

    /** A collection whose elements become the snapshot once the flush is written. */
    private record Flushed(EntityState state, RelationModel relation, List<Object> elements) {
    }

    private final DefaultSession session;
    private final UnitOfWork work;
    private final Map<RelationModel, JoinRows> joinRows = new LinkedHashMap<>();
    private final List<DeletedKeys> deletedKeys = new ArrayList<>();
    private final List<Flushed> flushed = new ArrayList<>();
    /** The first reference to an object the session does not hold and that has no id, which no column can store. */
    private QuarryException unsaved;

    private RelationFlush(DefaultSession session, UnitOfWork work) {
        this.session = session;
        this.work = work;
    }

    /** Works out the relationship changes of the session's objects; may add and delete objects. */
    static RelationFlush prepare(DefaultSession session, UnitOfWork work) {
        RelationFlush flush = new RelationFlush(session, work);
        if (work.hasRelations()) {
            flush.walk();
            flush.cascadeDeletes();
        }
        return flush;
    }

    boolean isEmpty() {
        return joinRows.isEmpty() && deletedKeys.isEmpty() && flushed.isEmpty() && unsaved == null;
    }

    Collection<JoinRows> joinRows() {
        return joinRows.values();
    }

    List<DeletedKeys> deletedKeys() {
        return deletedKeys;
    }

    /**
     * Fails when an object refers, through a reference that does not cascade saves, to an object the
     * session does not hold and that has no id: its foreign key would be written NULL, or, for an
     * object whose key column did not change, the change would be dropped without a word. Called
     * first by the flush, so that it rolls back as every failed flush does.
     */
    void requireSavedReferences() {
        if (unsaved != null) {
            throw unsaved;
        }
    }

    /** After the flush was written: the collections' snapshots become what was written. */
    void finish() {
        for (Flushed entry : flushed) {
            List<Object> previous = entry.state().collectionSnapshot(entry.relation(), entry.elements());
            work.collectionFlushed(entry.state(), entry.relation(), previous);
        }
    }

    // ---- saves, back-references, orphans, join rows

    private void walk() {
        Deque<EntityState> queue = new ArrayDeque<>(work.liveStates());
        Set<EntityState> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (!queue.isEmpty()) {
            EntityState state = queue.poll();
            if (!seen.add(state) || state.model.relations().isEmpty()) {
                continue;
            }
            for (RelationModel relation : state.model.relations()) {
                Object value = relation.get(state.instance);
                if (relation.isReference()) {
                    if (value != null && relation.cascades(Cascade.SAVE)) {
                        save(value, queue);
                    } else if (value != null && unsaved == null && work.stateOf(value) == null
                            && session.engine().model(relation.target()).idOf(value) == null) {
                        unsaved = unsavedReference(state, relation);
                    }
                } else if (value instanceof Collection<?> collection && !RelationLoader.isUnloaded(collection)) {
                    collection(state, relation, new ArrayList<>(collection), queue);
                }
            }
        }
    }

    private void collection(EntityState state, RelationModel relation, List<Object> current, Deque<EntityState> queue) {
        List<Object> before = state.collectionSnapshot(relation);
        List<Object> old = before == null ? List.of() : before;
        if (relation.cascades(Cascade.SAVE)) {
            for (Object element : current) {
                save(element, queue);
            }
        }
        if (relation.kind() == RelationModel.Kind.ONE_TO_MANY) {
            RelationModel back = session.engine().model(relation.target()).relation(relation.mappedBy());
            for (Object element : current) {
                if (back.get(element) == null) {
                    back.set(element, state.instance);
                }
            }
            for (Object element : without(old, current)) {
                if (back.get(element) == state.instance) {
                    if (relation.cascades(Cascade.DELETE_ORPHAN)) {
                        EntityState orphan = work.stateOf(element);
                        if (orphan != null) {
                            work.markDeleted(orphan);
                        }
                    } else {
                        back.set(element, null);
                    }
                }
            }
        } else if (relation.isOwning()) {
            List<Object> added = without(current, old);
            List<Object> removed = without(old, current);
            if (!added.isEmpty() || !removed.isEmpty()) {
                JoinRows rows = joinRows.computeIfAbsent(relation,
                        r -> new JoinRows(r, new ArrayList<>(), new ArrayList<>()));
                added.forEach(element -> rows.inserted().add(new Object[] {state.instance, element}));
                removed.forEach(element -> rows.deleted().add(new Object[] {state.instance, element}));
            }
        }
        if (before == null || !sameElements(before, current)) {
            flushed.add(new Flushed(state, relation, current));
        }
    }

    /** Adds {@code object} to the session when it is new: not held, and without a generated id of its own. */
    private void save(Object object, Deque<EntityState> queue) {
        EntityState known = work.stateOf(object);
        if (known != null) {
            return;
        }
        EntityModel<?> model = session.engine().model(object.getClass());
        boolean detachedRow = object instanceof io.quarry.mapping.Persistable<?> persistable ? !persistable.isNew()
                : !model.hasUnsetId(object) && model.id().generation() != null
                        && model.id().generation() != GenerationType.UUID;
        if (detachedRow) {
            return; // a row of the database the session does not hold: the foreign key takes its id
        }
        session.add(object);
        queue.add(work.stateOf(object));
    }

    // ---- deletes

    /**
     * Deletes what cascades reach from the objects marked deleted (loading their unloaded cascaded
     * collections first, one statement per relation for all of them), and collects the join rows
     * of every deleted object.
     */
    private void cascadeDeletes() {
        List<EntityState> todo = new ArrayList<>(work.deletedStates());
        Set<EntityState> done = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Map<EntityModel<?>, List<EntityState>> byModel = new LinkedHashMap<>();
            for (EntityState state : todo) {
                if (done.add(state)) {
                    byModel.computeIfAbsent(state.model, m -> new ArrayList<>()).add(state);
                }
            }
            todo = new ArrayList<>();
            for (Map.Entry<EntityModel<?>, List<EntityState>> entry : byModel.entrySet()) {
                todo.addAll(cascadeDeletes(entry.getKey(), entry.getValue()));
            }
        }
    }

    private List<EntityState> cascadeDeletes(EntityModel<?> model, List<EntityState> states) {
        List<EntityState> next = new ArrayList<>();
        for (RelationModel relation : model.relations()) {
            if (relation.kind() == RelationModel.Kind.MANY_TO_MANY) {
                RelationModel.JoinTable join = relation.isOwning() ? relation.joinTable()
                        : session.engine().model(relation.target()).relation(relation.mappedBy()).joinTable();
                List<Object> keys = new ArrayList<>();
                // a soft-deleted row stays, and so do its join rows (restoring it restores its collection)
                states.stream().filter(state -> model.softDeletion() == null || state.hardDelete)
                        .forEach(state -> keys.add(state.id));
                if (!keys.isEmpty()) {
                    deletedKeys.add(new DeletedKeys(join, relation.isOwning(), model, keys));
                }
                continue;
            }
            if (relation.kind() != RelationModel.Kind.ONE_TO_MANY || !relation.cascades(Cascade.DELETE)) {
                continue;
            }
            List<Object> unloaded = new ArrayList<>();
            for (EntityState state : states) {
                Object value = relation.get(state.instance);
                if (value == null || value instanceof Collection<?> c && RelationLoader.isUnloaded(c)) {
                    unloaded.add(state.instance);
                }
            }
            new RelationLoader(session, true).loadCollections(relation, unloaded, FetchPlan.NONE);
            for (EntityState state : states) {
                for (Object element : (Collection<?>) relation.get(state.instance)) {
                    EntityState child = work.stateOf(element);
                    if (child != null && child.state == ObjectState.PERSISTENT) {
                        child.hardDelete = state.hardDelete; // a row removed for good takes its children along
                        work.markDeleted(child);
                        next.add(child);
                    } else if (child != null && child.state == ObjectState.PENDING) {
                        work.markDeleted(child);
                    }
                }
            }
        }
        return next;
    }

    // ---- helpers

    /** The elements of {@code from} that are not in {@code minus}, by identity. */
    private static List<Object> without(List<Object> from, List<Object> minus) {
        if (minus.isEmpty()) {
            return from;
        }
        Set<Object> exclude = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        exclude.addAll(minus);
        List<Object> result = new ArrayList<>();
        for (Object element : from) {
            if (!exclude.contains(element)) {
                result.add(element);
            }
        }
        return result;
    }

    private static boolean sameElements(List<Object> left, List<Object> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (left.get(i) != right.get(i)) {
                return false;
            }
        }
        return true;
    }

    static QuarryException unsavedReference(EntityState state, RelationModel relation) {
        return new QuarryException("Cannot write " + state.model.type().getSimpleName()
                + (state.id == null ? " (new)" : " " + state.id)
                + ": " + relation + " refers to a " + relation.target().getSimpleName() + " that has no id yet and is "
                + "not saved with it; add it to the session (cascade SAVE does so), or, for a cycle of new objects, "
                + "set this reference after a first flush");
    }
}
