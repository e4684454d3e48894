package io.quarry.repository.query.derived;

import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.repository.query.parse.Part;
import io.quarry.repository.query.parse.PropertyPath;
import io.quarry.sql.Column;
import io.quarry.sql.Operand;
import io.quarry.sql.Parameter;
import io.quarry.sql.Predicate;
import io.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The WHERE clause of a derived query, rendered per call shape: an argument of Is/Not that is null
 * turns the condition into IS [NOT] NULL, and an In list gets as many placeholders as its size
 * bucket (see {@link ArgumentPlan}). Values are always {@link Parameter} bindings that read the
 * call's arguments. A condition on a {@link PropertyPath} through references is a column of a LEFT
 * JOIN where the statement may join (a SELECT); through a collection it is a correlated EXISTS
 * ({@code any}), so no row is read twice; in a DELETE or UPDATE, which cannot join, references are
 * EXISTS ({@code has}) too, written so that they mean what the LEFT JOIN means. Immutable and
 * thread-safe.
 */
final class Criteria {

    /**
     * One condition bound to its arguments.
     *
     * @param type the keyword
     * @param path the property compared, maybe through relations
     * @param ignoreCase compare lower-cased values
     * @param argument the index of the (first) argument, -1 when the keyword takes none
     * @param convert turns the argument into the property's type
     * @param nullBit the bit of the call shape set when the argument is null (Is/Not), or -1
     * @param inShift the bit offset of the In size code in the call shape, or -1
     */
    record Condition(Part.Type type, PropertyPath path, boolean ignoreCase, int argument,
            UnaryOperator<Object> convert, int nullBit, int inShift) {

        PropertyModel property() {
            return path.property();
        }
    }

    private final List<List<Condition>> ors;

    Criteria(List<List<Condition>> ors) {
        this.ors = ors.stream().map(List::copyOf).toList();
    }

    /**
     * The WHERE conditions for a call of {@code shape}; empty when the query has none. {@code joins}:
     * whether the statement may join the tables of reference paths (a SELECT) or not (DELETE, UPDATE).
     */
    List<Predicate> where(long shape, boolean joins) {
        if (ors.isEmpty()) {
            return List.of();
        }
        List<Predicate> alternatives = new ArrayList<>(ors.size());
        for (List<Condition> and : ors) {
            List<Predicate> all = new ArrayList<>(and.size());
            for (Condition condition : and) {
                all.add(through(condition, shape, 0, joins));
            }
            alternatives.add(all.size() == 1 ? all.get(0) : Sql.and(all));
        }
        return List.of(alternatives.size() == 1 ? alternatives.get(0) : Sql.or(alternatives));
    }

    /**
     * The condition on the relations of its path from {@code from} on, in a scope that may join or
     * not: references left to walk become a column path (LEFT JOIN) where joins are allowed and no
     * collection follows, each other step a correlated EXISTS (any for a collection, has for a
     * reference). Without joins, a condition that holds for NULL (IS NULL, an empty NOT IN) holds
     * where a reference is unset too, as through a LEFT JOIN: NOT EXISTS of the opposite.
     */
    private static Predicate through(Condition condition, long shape, int from, boolean joins) {
        List<RelationModel> relations = condition.path().relations();
        List<RelationModel> rest = relations.subList(from, relations.size());
        String name = condition.property().name();
        if (rest.isEmpty()) {
            return predicate(condition, shape, Sql.col(name));
        }
        boolean collectionAhead = rest.stream().anyMatch(RelationModel::isCollection);
        if (!collectionAhead && joins) {
            StringBuilder path = new StringBuilder();
            rest.forEach(relation -> path.append(relation.name()).append('.'));
            return predicate(condition, shape, Sql.col(path.append(name).toString()));
        }
        if (!collectionAhead && holdsForNull(condition, shape)) {
            return Sql.not(exists(rest, Sql.not(predicate(condition, shape, Sql.col(name)))));
        }
        RelationModel first = rest.get(0);
        Predicate inner = through(condition, shape, from + 1, true);
        return first.isCollection() ? Sql.any(first.name(), inner) : Sql.has(first.name(), inner);
    }

    /** {@code has(a, has(b, ... condition))} along references. */
    private static Predicate exists(List<RelationModel> references, Predicate condition) {
        Predicate predicate = condition;
        for (int i = references.size() - 1; i >= 0; i--) {
            predicate = Sql.has(references.get(i).name(), predicate);
        }
        return predicate;
    }

    /** Whether the condition is true when the property is NULL: IS NULL, Is with a null argument, an empty NOT IN. */
    private static boolean holdsForNull(Condition condition, long shape) {
        boolean nullArgument = condition.nullBit() >= 0 && (shape & (1L << condition.nullBit())) != 0;
        return switch (condition.type()) {
            case IS_NULL -> true;
            case SIMPLE_PROPERTY -> nullArgument;
            case NOT_IN -> ArgumentPlan.inSize(shape, condition.inShift()) == 0;
            default -> false;
        };
    }

    @SuppressWarnings("unchecked")
    private static Predicate predicate(Condition condition, long shape, Column<Object> column) {
        Operand<Object> left = condition.ignoreCase() ? (Operand<Object>) (Operand<?>) column.lower() : column;
        boolean isNull = condition.nullBit() >= 0 && (shape & (1L << condition.nullBit())) != 0;
        return switch (condition.type()) {
            case SIMPLE_PROPERTY -> isNull ? column.isNull() : left.eq(value(condition, condition.convert()));
            case NEGATING_SIMPLE_PROPERTY -> isNull ? column.isNotNull() : left.ne(value(condition, condition.convert()));
            case LESS_THAN, BEFORE -> left.lt(value(condition, condition.convert()));
            case LESS_THAN_EQUAL -> left.le(value(condition, condition.convert()));
            case GREATER_THAN, AFTER -> left.gt(value(condition, condition.convert()));
            case GREATER_THAN_EQUAL -> left.ge(value(condition, condition.convert()));
            case BETWEEN -> left.between(value(condition, condition.convert()), second(condition));
            case NOT_BETWEEN -> left.notBetween(value(condition, condition.convert()), second(condition));
            case IS_NULL -> column.isNull();
            case IS_NOT_NULL -> column.isNotNull();
            case TRUE -> column.eq(Boolean.TRUE);
            case FALSE -> column.eq(Boolean.FALSE);
            case LIKE -> like(left, condition, value -> Operand.likePattern(value.toString()), false);
            case NOT_LIKE -> like(left, condition, value -> Operand.likePattern(value.toString()), true);
            case STARTING_WITH -> like(left, condition, value -> escape(value) + "%", false);
            case ENDING_WITH -> like(left, condition, value -> "%" + escape(value), false);
            case CONTAINING -> like(left, condition, value -> "%" + escape(value) + "%", false);
            case NOT_CONTAINING -> like(left, condition, value -> "%" + escape(value) + "%", true);
            case IN -> left.in(elements(condition, shape));
            case NOT_IN -> left.notIn(elements(condition, shape));
        };
    }

    private static Predicate like(Operand<Object> left, Condition condition, UnaryOperator<Object> pattern,
            boolean negated) {
        return new SqlParts.Like(left, value(condition, pattern), negated);
    }

    private static String escape(Object value) {
        return Operand.escapeLike(value.toString());
    }

    private static Object value(Condition condition, UnaryOperator<Object> transform) {
        return parameter(condition, condition.argument(), transform);
    }

    private static Object second(Condition condition) {
        return parameter(condition, condition.argument() + 1, condition.convert());
    }

    private static Object parameter(Condition condition, int argument, UnaryOperator<Object> transform) {
        Parameter parameter = new Parameter(argument, condition.property().codec(), transform);
        return condition.ignoreCase() ? new SqlParts.Lower(parameter) : parameter;
    }

    /** One placeholder per element of the padded array {@link ArgumentPlan} put in the argument's place. */
    private static List<Object> elements(Condition condition, long shape) {
        int size = ArgumentPlan.inSize(shape, condition.inShift());
        List<Object> elements = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int element = i;
            elements.add(parameter(condition, condition.argument(), array -> ((Object[]) array)[element]));
        }
        return elements;
    }
}
