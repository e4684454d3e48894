package io.quarry.sql;

import io.quarry.mapping.Property;
import java.util.Arrays;
import java.util.List;

/**
 * The expression language, meant for {@code import static io.quarry.sql.Sql.*}:
 * {@code col(Host::getPort).gt(22)}, {@code and(...)}, {@code or(...)}, {@code not(...)},
 * {@code count()}, {@code sum(col("port"))}, {@code desc(Host::getHostname)}, {@code set(Host::getPort, 2222)}.
 * Stateless.
 */
public final class Sql {

    private Sql() {
    }

    /** The column of a property named by method reference: {@code col(Host::getPort)}. */
    public static <T, V> Column<V> col(Property<T, V> property) {
        return Column.of(property);
    }

    /** The column of a property named by string, checked against the model when used. */
    public static <V> Column<V> col(String property) {
        return Column.named(property);
    }

    /** All of {@code predicates}; an empty list is always true. */
    public static Predicate and(Predicate... predicates) {
        return and(Arrays.asList(predicates));
    }

    public static Predicate and(List<Predicate> predicates) {
        return new Predicates.Junction("and", predicates);
    }

    /** Any of {@code predicates}; an empty list is always false. */
    public static Predicate or(Predicate... predicates) {
        return or(Arrays.asList(predicates));
    }

    public static Predicate or(List<Predicate> predicates) {
        return new Predicates.Junction("or", predicates);
    }

    public static Predicate not(Predicate predicate) {
        return new Predicates.Negation(predicate);
    }

    /** {@code count(*)}. */
    public static Operand<Long> count() {
        return new Function<>("count", null, false, Function.COUNT);
    }

    /** {@code count(x)}: rows where x is not null. */
    public static Operand<Long> count(Expression expression) {
        return new Function<>("count", expression, false, Function.COUNT);
    }

    public static Operand<Long> countDistinct(Expression expression) {
        return new Function<>("count", expression, true, Function.COUNT);
    }

    /** {@code sum(x)}; the result type is the database's (read it with {@code Row.getLong} etc.). */
    public static Operand<Number> sum(Expression expression) {
        return new Function<>("sum", expression, false, Function.DRIVER);
    }

    public static Operand<Number> avg(Expression expression) {
        return new Function<>("avg", expression, false, Function.DRIVER);
    }

    public static <V> Operand<V> min(Operand<V> expression) {
        return new Function<>("min", expression, false, Function.SAME);
    }

    public static <V> Operand<V> max(Operand<V> expression) {
        return new Function<>("max", expression, false, Function.SAME);
    }

    public static Operand<String> lower(Operand<String> expression) {
        return expression.lower();
    }

    public static Operand<String> upper(Operand<String> expression) {
        return expression.upper();
    }

    public static <T> Order asc(Property<T, ?> property) {
        return col(property).asc();
    }

    public static Order asc(String property) {
        return col(property).asc();
    }

    public static <T> Order desc(Property<T, ?> property) {
        return col(property).desc();
    }

    public static Order desc(String property) {
        return col(property).desc();
    }

    /** {@code property = value} in a bulk update. */
    public static <T, V> Assignment set(Property<T, V> property, V value) {
        return new Assignment(col(property), value);
    }

    /**
     * {@code column = expression} in a bulk update: {@code set(col(Host::getPort), col(Host::getPort).plus(1))}.
     * (A method reference as the first argument means a value: {@link #set(Property, Object)}.)
     */
    public static <V> Assignment set(Column<V> column, Operand<V> expression) {
        return new Assignment(column, expression);
    }

    /** {@code property = value}, the property named by string. */
    public static Assignment set(String property, Object value) {
        return new Assignment(col(property), value);
    }
}
