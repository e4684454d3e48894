package io.quarry.sql;

import io.quarry.dialect.NullOrdering;

/**
 * One ORDER BY item: an expression, a direction and where NULLs go. Immutable.
 *
 * @param expression what to order by
 * @param ascending the direction
 * @param nulls where NULLs sort
 */
public record Order(Expression expression, boolean ascending, NullOrdering nulls) {

    /** The same order with NULLs first. */
    public Order nullsFirst() {
        return new Order(expression, ascending, NullOrdering.FIRST);
    }

    /** The same order with NULLs last. */
    public Order nullsLast() {
        return new Order(expression, ascending, NullOrdering.LAST);
    }

    void render(RenderContext context) {
        RenderContext inner = context.fork();
        expression.render(inner);
        SqlStatement rendered = inner.toStatement();
        if (!rendered.bindings().isEmpty()) {
            throw new io.quarry.QuarryException("ORDER BY " + expression.label() + " cannot take bound values");
        }
        context.append(context.dialect().orderItem(rendered.sql(), ascending, nulls));
    }

    /** This item's part of a statement's shape. */
    void shape(StatementShape shape) {
        shape.token(Order.class).token(ascending).token(nulls);
        shape.expression(expression);
    }

    @Override
    public String toString() {
        return expression.label() + (ascending ? " asc" : " desc");
    }
}
