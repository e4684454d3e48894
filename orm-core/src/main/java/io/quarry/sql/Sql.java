package io.quarry.sql;

import io.quarry.mapping.Property;
import io.quarry.mapping.PropertyRefs;
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

    /**
     * The column at the end of a to-one relation: {@code path(Host::getDatacenter, Datacenter::getRegion)}.
     * A statement reaches it through a LEFT JOIN (so a host without a datacenter stays in the rows, its
     * region NULL); the same path used twice is one join. String form: {@code col("datacenter.region")}.
     */
    public static <A, B, V> Column<V> path(Property<A, B> relation, Property<B, V> property) {
        return Column.path(List.of(relation, property));
    }

    /** The column at the end of two to-one relations: {@code path(Host::getReplicaOf, Host::getDatacenter, Datacenter::getName)}. */
    public static <A, B, C, V> Column<V> path(Property<A, B> first, Property<B, C> second, Property<C, V> property) {
        return Column.path(List.of(first, second, property));
    }

    /**
     * Whether the collection holds an element meeting {@code conditions} (any element when none are
     * given), as SQLAlchemy's {@code any()}: {@code any(Datacenter::getHosts, col(Host::getHostname).like("web%"))}.
     * Rendered as a correlated EXISTS subquery (through the join table for a many-to-many), so each
     * owner is returned once however many elements match. The conditions name the element's properties.
     */
    public static <T> Predicate any(Property<T, ? extends java.util.Collection<?>> collection, Predicate... conditions) {
        PropertyRefs.Ref ref = PropertyRefs.resolve(collection);
        return new RelationExists(ref.propertyName(), ref.entityType(), true, Arrays.asList(conditions));
    }

    /** {@link #any(Property, Predicate...)} with the collection named by string: {@code any("hosts", ...)}. */
    public static Predicate any(String collection, Predicate... conditions) {
        return new RelationExists(collection, null, true, Arrays.asList(conditions));
    }

    /**
     * Whether the reference points at an object meeting {@code conditions} (is set at all when none
     * are given), as SQLAlchemy's {@code has()}: {@code has(Host::getDatacenter, col(Datacenter::getRegion).eq("eu"))};
     * a correlated EXISTS subquery. The conditions name the referenced entity's properties.
     */
    public static <T> Predicate has(Property<T, ?> reference, Predicate... conditions) {
        PropertyRefs.Ref ref = PropertyRefs.resolve(reference);
        return new RelationExists(ref.propertyName(), ref.entityType(), false, Arrays.asList(conditions));
    }

    /** {@link #has(Property, Predicate...)} with the reference named by string: {@code has("datacenter", ...)}. */
    public static Predicate has(String reference, Predicate... conditions) {
        return new RelationExists(reference, null, false, Arrays.asList(conditions));
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

    /** Ascending by an expression: {@code asc(path(Host::getDatacenter, Datacenter::getName))}. */
    public static Order asc(Operand<?> expression) {
        return expression.asc();
    }

    public static <T> Order desc(Property<T, ?> property) {
        return col(property).desc();
    }

    public static Order desc(String property) {
        return col(property).desc();
    }

    public static Order desc(Operand<?> expression) {
        return expression.desc();
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
