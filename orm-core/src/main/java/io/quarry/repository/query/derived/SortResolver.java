package io.quarry.repository.query.derived;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.Names;
import io.quarry.mapping.PropertyModel;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.Sort;
import io.quarry.sql.Column;
import io.quarry.sql.Operand;
import io.quarry.sql.Order;
import io.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a run-time {@link Sort} into ORDER BY items, accepting only names of the entity's
 * properties (or their columns): the identifier written into the SQL always comes from the model,
 * so "port desc", "port; drop table host" or "length(hostname)" are rejected before any SQL is
 * sent. Immutable and thread-safe.
 */
final class SortResolver {

    private final EntityModel<?> model;

    SortResolver(EntityModel<?> model) {
        this.model = model;
    }

    List<Order> orders(Sort sort, String method) {
        List<Order> orders = new ArrayList<>();
        for (Sort.Order order : sort) {
            PropertyModel property = model.findProperty(order.getProperty());
            if (property == null) {
                throw new InvalidArgumentException(method + ": cannot sort " + model.type().getSimpleName() + " by '"
                        + order.getProperty() + "': it is not a property" + hint(order.getProperty())
                        + ". A Sort takes property names only; give the direction with "
                        + "Sort.by(Sort.Direction.DESC, \"port\")");
            }
            if (order.isIgnoreCase() && property.javaType() != String.class) {
                throw new InvalidArgumentException(method + ": cannot sort by '" + property.name()
                        + "' ignoring case: it is "
                        + property.javaType().getSimpleName() + ", not String");
            }
            orders.add(order(property, order));
        }
        return orders;
    }

    private static Order order(PropertyModel property, Sort.Order order) {
        Column<Object> column = Sql.col(property.name());
        Operand<?> sorted = order.isIgnoreCase() ? column.lower() : column;
        Order result = order.isAscending() ? sorted.asc() : sorted.desc();
        return switch (order.getNullHandling()) {
            case NATIVE -> result;
            case NULLS_FIRST -> result.nullsFirst();
            case NULLS_LAST -> result.nullsLast();
        };
    }

    private String hint(String name) {
        String hint = Names.didYouMean(name, model.properties().stream().map(PropertyModel::name).toList());
        return hint.startsWith("; did you mean") ? hint : hint.replace("known properties", "properties");
    }
}
