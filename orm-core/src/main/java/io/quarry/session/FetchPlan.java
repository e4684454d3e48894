package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.RelationModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The relations a query loads beyond what the mapping declares: a tree of relation names, from
 * {@code with("hosts")} and {@code with("hosts.tags")}. Each path is checked against the models
 * when it is added. Immutable.
 */
final class FetchPlan {

    static final FetchPlan NONE = new FetchPlan(Map.of());

    private final Map<String, FetchPlan> children;

    private FetchPlan(Map<String, FetchPlan> children) {
        this.children = children;
    }

    /** This plan plus {@code path} ({@code "datacenter"}, {@code "hosts.tags"}) from {@code model}. */
    FetchPlan plus(EntityModel<?> model, String path, ModelRegistry models) {
        int dot = path.indexOf('.');
        String name = dot < 0 ? path : path.substring(0, dot);
        RelationModel relation = model.findRelation(name);
        if (relation == null) {
            throw new QuarryException("with(\"" + path + "\"): " + model.type().getSimpleName() + " has no relation '"
                    + name + "'" + io.quarry.mapping.Names.didYouMean(name,
                            model.relations().stream().map(RelationModel::name).toList())
                    + (model.relations().isEmpty() ? " (it maps none)" : ""));
        }
        FetchPlan child = children.getOrDefault(name, NONE);
        if (dot >= 0) {
            child = child.plus(models.model(relation.target()), path.substring(dot + 1), models);
        }
        Map<String, FetchPlan> copy = new LinkedHashMap<>(children);
        copy.put(name, child);
        return new FetchPlan(Map.copyOf(copy));
    }

    boolean isEmpty() {
        return children.isEmpty();
    }

    /** Whether the plan names {@code relation}. */
    boolean names(String relation) {
        return children.containsKey(relation);
    }

    /** What to load under {@code relation}. */
    FetchPlan child(String relation) {
        return children.getOrDefault(relation, NONE);
    }

    @Override
    public String toString() {
        return children.toString();
    }
}
