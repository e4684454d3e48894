package io.quarry.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders entity models so that a model comes after the models its references point at (a
 * topological sort over foreign keys): the order in which to create tables and insert rows, and,
 * reversed, to delete and drop them. Self-references are ignored; the models of a cycle keep the
 * order they were given in (their constraints must be added after the tables, and their rows need
 * one side nullable). Stateless.
 */
public final class TableOrder {

    private TableOrder() {
    }

    /** {@code models} with every referenced model (among them) before the models referring to it. */
    public static List<EntityModel<?>> sort(Collection<? extends EntityModel<?>> models) {
        Map<Class<?>, EntityModel<?>> byType = new LinkedHashMap<>();
        for (EntityModel<?> model : models) {
            byType.put(model.type(), model);
        }
        Set<Class<?>> done = new LinkedHashSet<>();
        Set<Class<?>> visiting = new LinkedHashSet<>();
        List<EntityModel<?>> order = new ArrayList<>();
        for (EntityModel<?> model : models) {
            visit(model, byType, done, visiting, order);
        }
        return order;
    }

    private static void visit(EntityModel<?> model, Map<Class<?>, EntityModel<?>> byType, Set<Class<?>> done,
            Set<Class<?>> visiting, List<EntityModel<?>> order) {
        if (done.contains(model.type()) || !visiting.add(model.type())) {
            return; // placed already, or part of a cycle being placed
        }
        for (RelationModel relation : model.relations()) {
            EntityModel<?> target = byType.get(relation.target());
            if (relation.isReference() && target != null && target != model) {
                visit(target, byType, done, visiting, order);
            }
        }
        visiting.remove(model.type());
        done.add(model.type());
        order.add(model);
    }

    /**
     * The models of {@code start} and every model reachable from them through relations (both
     * directions a relation is declared in), in first-reached order.
     */
    public static List<EntityModel<?>> closure(Collection<? extends EntityModel<?>> start, ModelRegistry registry) {
        Map<Class<?>, EntityModel<?>> reached = new LinkedHashMap<>();
        List<EntityModel<?>> queue = new ArrayList<>(start);
        for (int i = 0; i < queue.size(); i++) {
            EntityModel<?> model = queue.get(i);
            if (reached.putIfAbsent(model.type(), model) == null) {
                for (RelationModel relation : model.relations()) {
                    queue.add(registry.model(relation.target()));
                }
            }
        }
        return new ArrayList<>(reached.values());
    }
}
