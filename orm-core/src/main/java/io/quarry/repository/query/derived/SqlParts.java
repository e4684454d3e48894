package io.quarry.repository.query.derived;

import io.quarry.sql.Binding;
import io.quarry.sql.Expression;
import io.quarry.sql.Operand;
import io.quarry.sql.Predicate;
import io.quarry.sql.RenderContext;

/**
 * The SQL pieces derived queries need beyond io.quarry.sql: LIKE with a run-time pattern,
 * {@code lower(?)}, and a column labelled in a derived table. All are immutable records.
 */
final class SqlParts {

    private SqlParts() {
    }

    /**
     * {@code left [not] like pattern escape '!'} where the pattern is a run-time argument (a
     * {@link Binding}, or {@code lower(?)}) already written for {@link Operand#LIKE_ESCAPE}.
     */
    record Like(Operand<?> left, Object pattern, boolean negated) implements Predicate {
        @Override
        public void render(RenderContext context) {
            left.render(context);
            context.append(negated ? " not like " : " like ");
            if (pattern instanceof Expression expression) {
                expression.render(context);
            } else {
                context.bind((Binding) pattern);
            }
            context.append(" escape ").append(context.dialect().escapeLiteral(Operand.LIKE_ESCAPE));
        }

        @Override
        public String toString() {
            return left.label() + (negated ? " not like " : " like ") + pattern;
        }
    }

    /** {@code lower(?)} for a run-time argument, compared with {@code lower(column)}. */
    record Lower(Binding argument) implements Expression {
        @Override
        public void render(RenderContext context) {
            context.append("lower(");
            context.bind(argument);
            context.append(")");
        }
    }

    /** {@code expression as label}, for the columns of a derived table; {@code label} is Quarry's own ({@code c1}). */
    record Labelled(Expression expression, String label) implements Expression {
        @Override
        public void render(RenderContext context) {
            expression.render(context);
            context.append(" as ").identifier(label);
        }
    }
}
