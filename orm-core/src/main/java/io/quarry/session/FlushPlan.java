package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.mapping.TableOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ordered work of one flush: inserts, then updates, then deletes (a soft delete's group names the
 * {@code @SoftDelete} mark as its changed property); within each, by table, and
 * within a table by id (inserts of generated ids keep the order they were added in). Statements
 * of the same shape are grouped so they go as one JDBC batch. This is the one place that decides
 * order: tables in foreign-key order (referenced tables first for inserts, last for deletes), new
 * rows of a self-referencing table parents first. Short-lived, not thread-safe.
 */
final class FlushPlan {

    /** Rows of one table that share one SQL statement. */
    record Group(EntityModel<Object> model, List<PropertyModel> changed, List<EntityState> states) {
    }

    final List<Group> inserts = new ArrayList<>();
    final List<Group> updates = new ArrayList<>();
    final List<Group> deletes = new ArrayList<>();

    private static final Comparator<EntityModel<?>> TABLE_ORDER = Comparator
            .comparing((EntityModel<?> m) -> m.table().toLowerCase())
            .thenComparing(m -> m.type().getName());

    static FlushPlan build(List<EntityState> pending, Iterable<EntityState> managed, List<EntityState> deleted) {
        FlushPlan plan = new FlushPlan();
        for (Map.Entry<EntityModel<Object>, List<EntityState>> entry : byTable(pending, false).entrySet()) {
            List<EntityState> states = entry.getValue();
            if (states.stream().allMatch(s -> s.id instanceof Comparable<?>)) {
                states.sort(FlushPlan::compareIds);
            }
            for (List<EntityState> wave : parentsFirst(entry.getKey(), states)) {
                plan.inserts.add(new Group(entry.getKey(), List.of(), wave));
            }
        }
        List<EntityState> dirty = new ArrayList<>();
        Map<EntityState, List<PropertyModel>> changes = new java.util.IdentityHashMap<>();
        for (EntityState state : managed) {
            if (state.state == ObjectState.PERSISTENT) {
                List<PropertyModel> changed = state.changedProperties();
                if (!changed.isEmpty()) {
                    dirty.add(state);
                    changes.put(state, changed);
                }
            }
        }
        for (Map.Entry<EntityModel<Object>, List<EntityState>> entry : byTable(dirty, false).entrySet()) {
            List<EntityState> states = entry.getValue();
            states.sort(FlushPlan::compareIds);
            Map<List<PropertyModel>, List<EntityState>> shapes = new LinkedHashMap<>();
            for (EntityState state : states) {
                shapes.computeIfAbsent(changes.get(state), k -> new ArrayList<>()).add(state);
            }
            shapes.forEach((changed, group) -> plan.updates.add(new Group(entry.getKey(), changed, group)));
        }
        for (Map.Entry<EntityModel<Object>, List<EntityState>> entry : byTable(deleted, true).entrySet()) {
            List<EntityState> states = entry.getValue();
            states.sort(FlushPlan::compareIds);
            io.quarry.mapping.SoftDeletion deletion = entry.getKey().softDeletion();
            // a soft delete is a group whose changed property is the mark; a hard one changes nothing
            List<EntityState> marked = deletion == null ? List.of() : states.stream().filter(s -> !s.hardDelete).toList();
            List<EntityState> removed = deletion == null ? states : states.stream().filter(s -> s.hardDelete).toList();
            if (!marked.isEmpty()) {
                plan.deletes.add(new Group(entry.getKey(), List.of(deletion.property()), marked));
            }
            if (!removed.isEmpty()) {
                plan.deletes.add(new Group(entry.getKey(), List.of(), removed));
            }
        }
        return plan;
    }

    boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
    }

    /**
     * The states grouped by entity, the groups in foreign-key order: a table after the tables its
     * references point at (see {@link TableOrder}), or before them when {@code referringFirst} (for
     * deletes); by name where foreign keys do not decide.
     */
    @SuppressWarnings("unchecked")
    private static Map<EntityModel<Object>, List<EntityState>> byTable(List<EntityState> states, boolean referringFirst) {
        Map<EntityModel<Object>, List<EntityState>> groups = new TreeMap<>(TABLE_ORDER);
        for (EntityState state : states) {
            groups.computeIfAbsent(state.model, k -> new ArrayList<>()).add(state);
        }
        if (groups.size() < 2 || groups.keySet().stream().allMatch(m -> m.relations().isEmpty())) {
            return groups;
        }
        List<EntityModel<Object>> byName = new ArrayList<>(groups.keySet());
        if (referringFirst) {
            java.util.Collections.reverse(byName);
        }
        List<EntityModel<?>> order = TableOrder.sort(byName);
        if (referringFirst) {
            java.util.Collections.reverse(order);
        }
        Map<EntityModel<Object>, List<EntityState>> ordered = new LinkedHashMap<>();
        for (EntityModel<?> model : order) {
            ordered.put((EntityModel<Object>) model, groups.get(model));
        }
        return ordered;
    }

    /**
     * New rows of a self-referencing table in waves, each referring only to rows of earlier waves
     * (or to rows already in the database), so that each wave's generated ids are known before the
     * next is bound. One wave when no new row refers to another.
     */
    private static List<List<EntityState>> parentsFirst(EntityModel<Object> model, List<EntityState> states) {
        List<RelationModel> self = new ArrayList<>();
        for (RelationModel relation : model.relations()) {
            if (relation.isReference() && relation.target() == model.type()) {
                self.add(relation);
            }
        }
        if (self.isEmpty() || states.size() < 2) {
            return List.of(states);
        }
        Map<Object, EntityState> pending = new IdentityHashMap<>();
        states.forEach(state -> pending.put(state.instance, state));
        Map<EntityState, Integer> levels = new IdentityHashMap<>();
        int deepest = 0;
        for (EntityState state : states) {
            deepest = Math.max(deepest, level(state, self, pending, levels, new IdentityHashMap<>()));
        }
        List<List<EntityState>> waves = new ArrayList<>();
        for (int i = 0; i <= deepest; i++) {
            waves.add(new ArrayList<>());
        }
        states.forEach(state -> waves.get(levels.get(state)).add(state));
        return waves;
    }

    private static int level(EntityState state, List<RelationModel> self, Map<Object, EntityState> pending,
            Map<EntityState, Integer> levels, Map<EntityState, Boolean> path) {
        Integer known = levels.get(state);
        if (known != null) {
            return known;
        }
        if (path.put(state, Boolean.TRUE) != null) {
            throw new QuarryException("Cannot insert " + state.model.type().getSimpleName() + " objects that refer to "
                    + "each other in a cycle through " + self + "; add one of them in an earlier flush, or set one of "
                    + "the references after it");
        }
        int level = 0;
        for (RelationModel relation : self) {
            EntityState parent = pending.get(relation.get(state.instance));
            if (parent != null && parent != state) {
                level = Math.max(level, level(parent, self, pending, levels, path) + 1);
            }
        }
        path.remove(state);
        levels.put(state, level);
        return level;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareIds(EntityState left, EntityState right) {
        if (left.id == null || right.id == null) {
            return left.id == null ? (right.id == null ? 0 : 1) : -1;
        }
        if (left.id instanceof Comparable comparable && left.id.getClass() == right.id.getClass()) {
            return comparable.compareTo(right.id);
        }
        return 0;
    }
}
