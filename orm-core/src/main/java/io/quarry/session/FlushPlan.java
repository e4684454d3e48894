package io.quarry.session;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ordered work of one flush: inserts, then updates, then deletes; within each, by table, and
 * within a table by id (inserts of generated ids keep the order they were added in). Statements
 * of the same shape are grouped so they go as one JDBC batch. This is the one place that decides
 * order; relationships will add foreign-key order here. Short-lived, not thread-safe.
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
        for (Map.Entry<EntityModel<Object>, List<EntityState>> entry : byTable(pending).entrySet()) {
            List<EntityState> states = entry.getValue();
            if (states.stream().allMatch(s -> s.id instanceof Comparable<?>)) {
                states.sort(FlushPlan::compareIds);
            }
            plan.inserts.add(new Group(entry.getKey(), List.of(), states));
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
        for (Map.Entry<EntityModel<Object>, List<EntityState>> entry : byTable(dirty).entrySet()) {
            List<EntityState> states = entry.getValue();
            states.sort(FlushPlan::compareIds);
            Map<List<PropertyModel>, List<EntityState>> shapes = new LinkedHashMap<>();
            for (EntityState state : states) {
                shapes.computeIfAbsent(changes.get(state), k -> new ArrayList<>()).add(state);
            }
            shapes.forEach((changed, group) -> plan.updates.add(new Group(entry.getKey(), changed, group)));
        }
        for (Map.Entry<EntityModel<Object>, List<EntityState>> entry : byTable(deleted).entrySet()) {
            List<EntityState> states = entry.getValue();
            states.sort(FlushPlan::compareIds);
            plan.deletes.add(new Group(entry.getKey(), List.of(), states));
        }
        return plan;
    }

    boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
    }

    private static Map<EntityModel<Object>, List<EntityState>> byTable(List<EntityState> states) {
        Map<EntityModel<Object>, List<EntityState>> groups = new TreeMap<>(TABLE_ORDER);
        for (EntityState state : states) {
            groups.computeIfAbsent(state.model, k -> new ArrayList<>()).add(state);
        }
        return groups;
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
