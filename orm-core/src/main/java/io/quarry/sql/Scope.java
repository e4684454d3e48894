package io.quarry.sql;

import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.Names;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entity one part of a statement reads (the statement's own table, or the table of an EXISTS
 * subquery), how its columns are qualified, and the to-one joins its paths need: one LEFT JOIN
 * per distinct relation path ({@code datacenter}, {@code replicaOf.datacenter}), aliased
 * {@code j1, j2, ...} in the order first used. Names come only from the models. Short-lived; not
 * thread-safe.
 */
final class Scope {

    /** One LEFT JOIN: the relation's target table under {@code alias}, on its id = the parent's foreign key. */
    record Join(String path, String parentPath, String alias, EntityModel<?> model, PropertyModel foreignKey) {
    }

    /** The aliases of one statement, shared by its scopes, so that subqueries never reuse one. */
    static final class Aliases {
        private final String rootTable;
        private int joins;
        private int subqueries;

        Aliases(String rootTable) {
            this.rootTable = rootTable;
        }

        String nextJoin() {
            return next("j", ++joins);
        }

        String nextSubquery() {
            return next("s", ++subqueries);
        }

        private String next(String prefix, int number) {
            String alias = prefix + number;
            // the statement's own table is referred to by its name, so no alias may equal it
            return alias.equalsIgnoreCase(rootTable) ? alias + "_" : alias;
        }
    }

    private final EntityModel<?> model;
    /** How columns of this scope's table are qualified (the quoted table name or an alias); null: unknown entity. */
    private final String name;
    private final boolean qualified;
    /** Why joins are refused here, or null when they are allowed. */
    private final String noJoins;
    private final Aliases aliases;
    private final Map<String, Join> joins = new LinkedHashMap<>();

    Scope(EntityModel<?> model, String name, boolean qualified, String noJoins, Aliases aliases) {
        this.model = model;
        this.name = name;
        this.qualified = qualified;
        this.noJoins = noJoins;
        this.aliases = aliases;
    }

    /**
     * The same scope with its columns qualified and its joins known in advance, for the second
     * rendering of a statement that found joins in its first; new aliases continue after the first's.
     */
    Scope qualified() {
        Aliases fresh = new Aliases(aliases.rootTable);
        fresh.joins = aliases.joins;
        Scope scope = new Scope(model, name, true, noJoins, fresh);
        scope.joins.putAll(joins);
        return scope;
    }

    EntityModel<?> model() {
        return model;
    }

    /** How an inner scope (a correlated subquery) names this scope's table. */
    String name() {
        return name;
    }

    Aliases aliases() {
        return aliases;
    }

    boolean hasJoins() {
        return !joins.isEmpty();
    }

    /** The qualifier of this scope's own columns: empty when unqualified. */
    String qualifier() {
        return qualified ? name + "." : "";
    }

    /**
     * The table alias and model at the end of the to-one relation path {@code path} (relation names
     * from this scope's entity), registering the joins it needs; {@code owners} are the classes that
     * declare each step (null entries for names given as strings), {@code label} names the path in errors.
     */
    Join join(List<String> path, List<Class<?>> owners, String label, ModelRegistry models) {
        if (models == null) {
            throw new QuarryException("Path '" + label + "' needs the engine's entity models to render; render the "
                    + "statement with render(dialect, engine.models()) or run it through a session");
        }
        EntityModel<?> current = model;
        Join join = null;
        String key = "";
        for (int i = 0; i < path.size(); i++) {
            String step = path.get(i);
            RelationModel relation = relation(current, owners.get(i), step, "path '" + label + "'");
            if (relation.isCollection()) {
                throw new QuarryException("Path '" + label + "': " + current.type().getSimpleName() + "." + step
                        + " is a collection; a join through it would repeat each " + current.type().getSimpleName()
                        + " once per element. Filter with any(" + current.type().getSimpleName() + "::get"
                        + capitalize(step) + ", ...) (an EXISTS subquery) instead");
            }
            String parent = key;
            key = key.isEmpty() ? step : key + "." + step;
            Join known = joins.get(key);
            if (known == null) {
                if (noJoins != null) {
                    throw new QuarryException("Path '" + label + "' needs a join, which " + noJoins);
                }
                known = new Join(key, parent, aliases.nextJoin(), models.model(relation.target()), relation.foreignKey());
                joins.put(key, known);
            }
            join = known;
            current = known.model();
        }
        return join;
    }

    /** The property {@code name} of the entity at {@code model}, with a hint for a relation named by mistake. */
    static PropertyModel property(EntityModel<?> model, String name, String label) {
        PropertyModel property = model.findProperty(name);
        if (property != null) {
            return property;
        }
        RelationModel relation = model.findRelation(name);
        if (relation != null && relation.isCollection()) {
            throw new QuarryException("'" + label + "' ends at " + model.type().getSimpleName() + "." + name
                    + ", a collection, which has no column; filter with any(...) or name one of its properties");
        }
        try {
            return model.property(name);
        } catch (RuntimeException e) {
            throw new QuarryException("'" + label + "': " + e.getMessage(), e);
        }
    }

    /**
     * The relation {@code name} of {@code model}, declared by {@code owner} when given; a
     * {@link QuarryException} naming {@code where} and the nearest relation otherwise.
     */
    static RelationModel relation(EntityModel<?> model, Class<?> owner, String name, String where) {
        if (owner != null && !owner.isAssignableFrom(model.type()) && !model.type().isAssignableFrom(owner)) {
            throw new QuarryException(where + ": " + owner.getSimpleName() + "." + name + " does not belong to "
                    + model.type().getSimpleName() + ", which is read there");
        }
        RelationModel relation = model.findRelation(name);
        if (relation != null) {
            return relation;
        }
        List<String> relations = model.relations().stream().map(RelationModel::name).toList();
        String hint = relations.isEmpty() ? " (it maps none)"
                : Names.didYouMean(name, relations).replace("known properties", "its relations");
        String type = model.type().getSimpleName();
        if (model.findProperty(name) != null) {
            throw new QuarryException(where + ": " + type + "." + name + " is a column, not a relation" + hint);
        }
        throw new QuarryException(where + ": " + type + " has no relation '" + name + "'" + hint);
    }

    /** {@code left join <table> <alias> on <alias>.<id> = <parent>.<foreign key>} for every join, in order. */
    void renderJoins(RenderContext context) {
        for (Join join : joins.values()) {
            String parent = join.parentPath().isEmpty() ? name : joins.get(join.parentPath()).alias();
            context.append(" left join ").identifier(join.model().table()).append(" ").append(join.alias())
                    .append(" on ").append(join.alias()).append(".").identifier(join.model().id().column())
                    .append(" = ").append(parent).append(".").identifier(join.foreignKey().column());
        }
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
