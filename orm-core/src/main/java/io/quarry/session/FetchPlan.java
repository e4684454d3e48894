package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.Fetch;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.RelationModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The relations a query loads beyond what the mapping declares: a tree of relation names, from
 * {@code with("hosts")} and {@code with("hosts.tags")}, or a repository method's {@code @LoadWith}; a
 * node may say that its reference is loaded through the query's own statement
 * ({@code withJoined("datacenter")}, or declared {@link Fetch#JOINED}). Each path is checked against
 * the models when it is added. Immutable and thread-safe.
 */
public final class FetchPlan {

    static final FetchPlan NONE = new FetchPlan(Map.of(), false);

    /**
     * The plan that loads {@code paths} ({@code "tags"}, {@code "hosts.tags"}) with the objects of
     * {@code root}; an unknown name fails here, with the nearest relation.
     */
    public static FetchPlan of(EntityModel<?> root, ModelRegistry models, String... paths) {
        FetchPlan plan = NONE;
        for (String path : paths) {
            plan = plan.plus(root, path, models);
        }
        return plan;
    }

    private final Map<String, FetchPlan> children;
    /** Whether the relation leading here is read from the owner's own row, through a LEFT JOIN. */
    private final boolean joined;

    private FetchPlan(Map<String, FetchPlan> children, boolean joined) {
        this.children = children;
        this.joined = joined;
    }

    /** This plan plus {@code path} ({@code "datacenter"}, {@code "hosts.tags"}) from {@code model}. */
    FetchPlan plus(EntityModel<?> model, String path, ModelRegistry models) {
        return plus(model, path, models, false, path);
    }

    /**
     * This plan plus {@code path} of references ({@code "datacenter"}, {@code "replicaOf.datacenter"})
     * loaded through LEFT JOINs of the query's own statement; a collection on the path is refused.
     */
    FetchPlan plusJoined(EntityModel<?> model, String path, ModelRegistry models) {
        return plus(model, path, models, true, path);
    }

    private FetchPlan plus(EntityModel<?> model, String path, ModelRegistry models, boolean join, String whole) {
        int dot = path.indexOf('.');
        String name = dot < 0 ? path : path.substring(0, dot);
        String call = (join ? "withJoined(\"" : "with(\"") + whole + "\")";
        RelationModel relation = model.findRelation(name);
        if (relation == null) {
            throw new QuarryException(call + ": " + model.type().getSimpleName() + " has no relation '" + name + "'"
                    + (model.relations().isEmpty() ? " (it maps none)" : io.quarry.mapping.Names.didYouMean(name,
                            model.relations().stream().map(RelationModel::name).toList())
                            .replace("known properties", "its relations")));
        }
        if (join && relation.isCollection()) {
            throw new QuarryException(call + ": " + model.type().getSimpleName() + "." + name + " is a collection; a "
                    + "join would repeat each " + model.type().getSimpleName() + " once per element, so collections load "
                    + "with one more statement: use with(\"" + whole + "\")");
        }
        FetchPlan child = children.getOrDefault(name, NONE);
        if (dot >= 0) {
            child = child.plus(models.model(relation.target()), path.substring(dot + 1), models, join, whole);
        }
        if (join && !child.joined) {
            child = new FetchPlan(child.children, true);
        }
        Map<String, FetchPlan> copy = new LinkedHashMap<>(children);
        copy.put(name, child);
        return new FetchPlan(Map.copyOf(copy), joined);
    }

    /**
     * This plan plus the references {@code model} declares {@link Fetch#JOINED}, and theirs under
     * every joined reference, each relation at most once along a chain (a self-reference joins once).
     */
    FetchPlan withDeclaredJoins(EntityModel<?> model, ModelRegistry models) {
        return withDeclaredJoins(model, models, java.util.Set.of());
    }

    private FetchPlan withDeclaredJoins(EntityModel<?> model, ModelRegistry models, java.util.Set<RelationModel> chain) {
        Map<String, FetchPlan> copy = null;
        for (RelationModel relation : model.relations()) {
            FetchPlan child = children.get(relation.name());
            boolean declared = relation.fetch() == Fetch.JOINED && !chain.contains(relation);
            if (!declared && (child == null || !child.joined)) {
                continue;
            }
            java.util.Set<RelationModel> longer = new java.util.HashSet<>(chain);
            longer.add(relation);
            FetchPlan base = child == null ? NONE : child;
            FetchPlan expanded = new FetchPlan(base.children, true).withDeclaredJoins(models.model(relation.target()),
                    models, longer);
            if (expanded != child) {
                copy = copy == null ? new LinkedHashMap<>(children) : copy;
                copy.put(relation.name(), expanded);
            }
        }
        return copy == null ? this : new FetchPlan(Map.copyOf(copy), joined);
    }

    /**
     * The relation paths this plan joins from {@code model}, each after its parent, in the order of
     * the models' relations: the order in which {@link JoinedReferences} reads their columns.
     */
    java.util.List<String> joinedPaths(EntityModel<?> model, ModelRegistry models) {
        java.util.List<String> paths = new java.util.ArrayList<>();
        addJoinedPaths(model, models, "", paths);
        return paths;
    }

    private void addJoinedPaths(EntityModel<?> model, ModelRegistry models, String prefix, java.util.List<String> paths) {
        for (RelationModel relation : model.relations()) {
            if (relation.isReference() && joins(relation.name())) {
                paths.add(prefix + relation.name());
                child(relation.name()).addJoinedPaths(models.model(relation.target()), models,
                        prefix + relation.name() + ".", paths);
            }
        }
    }

    boolean isEmpty() {
        return children.isEmpty();
    }

    /** Whether the plan names {@code relation}. */
    boolean names(String relation) {
        return children.containsKey(relation);
    }

    /** Whether the reference {@code relation} is read through the query's own statement (it needs no statement of its own). */
    boolean joins(String relation) {
        FetchPlan child = children.get(relation);
        return child != null && child.joined;
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
