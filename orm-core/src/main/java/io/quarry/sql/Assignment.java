package io.quarry.sql;

/**
 * {@code column = value} in an UPDATE; the value is bound, or an expression such as
 * {@code port + 1}. Immutable.
 *
 * @param column the column set
 * @param value the new value or an {@link Expression}
 */
public record Assignment(Column<?> column, Object value) {

    void render(RenderContext context) {
        column.render(context);
        context.append(" = ");
        Values.bind(context, column, value);
    }
}
