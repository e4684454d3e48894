package io.quarry.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The predicate kinds. Package-private records; build them through {@link Operand} and {@link Sql}. */
final class Predicates {

    private Predicates() {
    }

    /** {@code left op value}. */
    record Comparison(Expression left, String operator, Object value) implements Predicate, StatementShape.Shaped {
        @Override
        public void render(RenderContext context) {
            left.render(context);
            context.append(" ").append(operator).append(" ");
            Values.bind(context, left, value);
        }

        @Override
        public void shape(StatementShape shape) {
            shape.token(Comparison.class).token(operator).expression(left);
            shape.value(value);
        }

        @Override
        public String toString() {
            return left.label() + " " + operator + " " + value;
        }
    }

    /** {@code lower(left) op lower(value)}. */
    record IgnoreCase(Expression left, String operator, Object value) implements Predicate, StatementShape.Shaped {
        @Override
        public void render(RenderContext context) {
            context.append("lower(");
            left.render(context);
            context.append(") ").append(operator).append(" lower(");
            Values.bind(context, left, value);
            context.append(")");
        }

        @Override
        public void shape(StatementShape shape) {
            shape.token(IgnoreCase.class).token(operator).expression(left);
            shape.value(value);
        }
    }

    /** {@code left [not] between low and high}. */
    record Between(Expression left, Object low, Object high, boolean negated) implements Predicate, StatementShape.Shaped {
        @Override
        public void render(RenderContext context) {
            left.render(context);
            context.append(negated ? " not between " : " between ");
            Values.bind(context, left, low);
            context.append(" and ");
            Values.bind(context, left, high);
        }

        @Override
        public void shape(StatementShape shape) {
            shape.token(Between.class).token(negated).expression(left);
            shape.value(low);
            shape.value(high);
        }
    }

    /** {@code left [not] in (...)}; an empty list matches nothing (in) or everything (not in). */
    record InList(Expression left, List<Object> values, boolean negated) implements Predicate, StatementShape.Shaped {
        InList(Expression left, Collection<?> values, boolean negated) {
            this(left, new ArrayList<>(values), negated);
        }

        @Override
        public void render(RenderContext context) {
            if (values.isEmpty()) {
                context.append(negated ? "1 = 1" : "1 = 0");
                return;
            }
            left.render(context);
            context.append(negated ? " not in (" : " in (");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    context.append(", ");
                }
                Values.bind(context, left, values.get(i));
            }
            context.append(")");
        }

        @Override
        public void shape(StatementShape shape) {
            shape.token(InList.class).token(negated).token(values.size());
            if (!values.isEmpty()) {
                shape.expression(left);
                for (int i = 0; i < values.size(); i++) {
                    shape.value(values.get(i));
                }
            }
        }
    }

    /** {@code left [not] like pattern escape '!'}: the pattern is already written for {@link Operand#LIKE_ESCAPE}. */
    record Like(Expression left, Object pattern, boolean negated, boolean ignoreCase)
            implements Predicate, StatementShape.Shaped {
        @Override
        public void render(RenderContext context) {
            if (ignoreCase) {
                context.append("lower(");
                left.render(context);
                context.append(")");
            } else {
                left.render(context);
            }
            context.append(negated ? " not like " : " like ");
            if (ignoreCase) {
                context.append("lower(");
                Values.bind(context, left, pattern);
                context.append(")");
            } else {
                Values.bind(context, left, pattern);
            }
            context.append(" escape ").append(context.dialect().escapeLiteral(Operand.LIKE_ESCAPE));
        }

        @Override
        public void shape(StatementShape shape) {
            shape.token(Like.class).token(negated).token(ignoreCase).expression(left);
            shape.value(pattern);
        }
    }

    /** {@code left} matches the regular expression {@code pattern}, as the dialect writes it. */
    record Regex(Expression left, String pattern, boolean ignoreCase) implements Predicate, StatementShape.Shaped {
        @Override
        public void render(RenderContext context) {
            io.quarry.dialect.RegexMatch match = context.dialect().regexMatch(ignoreCase);
            context.append(match.before());
            left.render(context);
            context.append(match.between());
            Values.bind(context, left, pattern);
            context.append(match.after());
        }

        @Override
        public void shape(StatementShape shape) {
            shape.token(Regex.class).token(ignoreCase).expression(left);
            shape.value(pattern);
        }

        @Override
        public String toString() {
            return left.label() + (ignoreCase ? " matches (ignoring case) " : " matches ") + pattern;
        }
    }

    /** {@code left is [not] null}. */
    record NullCheck(Expression left, boolean negated) implements Predicate, StatementShape.Shaped {
        @Override
        public void render(RenderContext context) {
            left.render(context);
            context.append(negated ? " is not null" : " is null");
        }

        @Override
        public void shape(StatementShape shape) {
            shape.token(NullCheck.class).token(negated).expression(left);
        }
    }

    /** {@code (a and b and ...)} or {@code (a or b or ...)}. */
    record Junction(String operator, List<Predicate> parts) implements Predicate, StatementShape.Shaped {
        Junction {
            parts = List.copyOf(parts);
        }

        @Override
        public void render(RenderContext context) {
            if (parts.isEmpty()) {
                context.append(operator.equals("and") ? "1 = 1" : "1 = 0");
                return;
            }
            if (parts.size() == 1) {
                parts.get(0).render(context);
                return;
            }
            context.append("(");
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    context.append(" ").append(operator).append(" ");
                }
                parts.get(i).render(context);
            }
            context.append(")");
        }

        @Override
        public void shape(StatementShape shape) {
            shape.token(Junction.class).token(operator).token(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                shape.expression(parts.get(i));
            }
        }
    }

    /** {@code not (p)}. */
    record Negation(Predicate predicate) implements Predicate, StatementShape.Shaped {
        @Override
        public void render(RenderContext context) {
            context.append("not (");
            predicate.render(context);
            context.append(")");
        }

        @Override
        public void shape(StatementShape shape) {
            shape.token(Negation.class).expression(predicate);
        }
    }
}
