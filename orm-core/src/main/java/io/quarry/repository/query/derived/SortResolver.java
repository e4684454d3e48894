package io.quarry.repository.query.derived;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.Names;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.InvalidSortException;
import io.quarry.repository.Sort;
import io.quarry.sql.Column;
import io.quarry.sql.Operand;
import io.quarry.sql.Order;
import io.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a run-time {@link Sort} into ORDER BY items, accepting only names of the entity's
 * properties (or their columns), or dotted paths through references ({@code datacenter.name}, a LEFT
 * JOIN): the identifiers written into the SQL always come from the model, so "port desc",
 * "port; drop table host" or "length(hostname)" are rejected before any SQL is sent, and so is a
 * path through a collection (it would repeat rows). Immutable and thread-safe.
 */
public final class SortResolver {

    private final EntityModel<?> model;
    private final ModelRegistry models;

    public SortResolver(EntityModel<?> model, ModelRegistry models) {
        this.model = model;
        this.models = models;
    }

    public List<Order> orders(Sort sort, String method) {
        List<Order> orders = new ArrayList<>();
        for (Sort.Order order : sort) {
            String name = order.getProperty();
            int dot = name.lastIndexOf('.');
            EntityModel<?> owner = dot < 0 ? model : walk(name.substring(0, dot), name, method);
            PropertyModel property = owner.findProperty(name.substring(dot + 1));
            if (property == null) {
                String where = dot < 0 ? "" : " (" + name.substring(0, dot) + " reaches " + owner.type().getSimpleName()
                        + ")";
                String hint = hint(owner, name.substring(dot + 1));
                throw new InvalidSortException(method + ": cannot sort " + model.type().getSimpleName() + " by '"
                        + name + "': it is not a property" + where + hint
                        + ". A Sort takes property names only" + (model.hasReferences()
                                ? ", or paths through references such as \"" + example() + "\"" : "")
                        + "; give the direction with Sort.by(Sort.Direction.DESC, \"port\")", name,
                        "cannot sort by '" + name + "': no such property" + nearest(hint, dot < 0 ? "" : name.substring(0, dot + 1)));
            }
            if (order.isIgnoreCase() && property.javaType() != String.class) {
                throw new InvalidSortException(method + ": cannot sort by '" + name
                        + "' ignoring case: it is "
                        + property.javaType().getSimpleName() + ", not String", name,
                        "cannot sort by '" + name + "' ignoring case: it is not text");
            }
            orders.add(order(dot < 0 ? property.name() : name.substring(0, dot + 1) + property.name(), order));
        }
        return orders;
    }

    /** The entity at the end of the references named in {@code path}; refuses collections and unknown names. */
    private EntityModel<?> walk(String path, String name, String method) {
        EntityModel<?> current = model;
        for (String step : path.split("\\.", -1)) {
            RelationModel relation = current.findRelation(step);
            String prefix = method + ": cannot sort " + model.type().getSimpleName() + " by '" + name + "': ";
            if (relation == null) {
                List<String> relations = current.relations().stream().map(RelationModel::name).toList();
                throw new InvalidSortException(prefix + current.type().getSimpleName() + " has no relation '" + step
                        + "'" + (relations.isEmpty() ? " (it maps none)"
                                : Names.didYouMean(step, relations).replace("known properties", "its relations")),
                        name, "cannot sort by '" + name + "': no such property");
            }
            if (relation.isCollection()) {
                throw new InvalidSortException(prefix + current.type().getSimpleName() + "." + step + " is a "
                        + "collection; sorting through it would repeat each " + current.type().getSimpleName()
                        + " once per element. Sort by a property, or a path through references (datacenter.name)",
                        name, "cannot sort by '" + name + "': '" + step + "' is a collection");
            }
            current = models.model(relation.target());
        }
        return current;
    }

    /** A path through the entity's first reference: {@code datacenter.name}. */
    private String example() {
        RelationModel reference = model.relations().get(0);
        EntityModel<?> target = models.model(reference.target());
        return reference.name() + "." + target.properties().stream().filter(property -> !property.isId())
                .map(PropertyModel::name).findFirst().orElse(target.id().name());
    }

    private static Order order(String path, Sort.Order order) {
        Column<Object> column = Sql.col(path);
        Operand<?> sorted = order.isIgnoreCase() ? column.lower() : column;
        Order result = order.isAscending() ? sorted.asc() : sorted.desc();
        return switch (order.getNullHandling()) {
            case NATIVE -> result;
            case NULLS_FIRST -> result.nullsFirst();
            case NULLS_LAST -> result.nullsLast();
        };
    }

    /** "; did you mean 'hostname'?" from a did-you-mean hint, for clients: nothing when there is no close name. */
    private static String nearest(String hint, String prefix) {
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("did you mean '([^']+)'").matcher(hint);
        return quoted.find() ? "; did you mean '" + prefix + quoted.group(1) + "'?" : "";
    }

    private static String hint(EntityModel<?> owner, String name) {
        String hint = Names.didYouMean(name, owner.properties().stream().map(PropertyModel::name).toList());
        return hint.startsWith("; did you mean") ? hint : hint.replace("known properties", "properties");
    }
}
