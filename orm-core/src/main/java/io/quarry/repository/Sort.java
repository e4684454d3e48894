package io.quarry.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The order of a query's results, by property name:
 * {@code Sort.by("port").descending().and(Sort.by("hostname"))}. Repositories check every property
 * against the entity when the query runs and reject anything else, so a sort taken from a request
 * parameter cannot inject SQL. Immutable and thread-safe.
 */
public final class Sort implements Iterable<Sort.Order> {

    private static final Sort UNSORTED = new Sort(List.of());

    private final List<Order> orders;

    private Sort(List<Order> orders) {
        this.orders = List.copyOf(orders);
    }

    /** Ascending by each of {@code properties}, in that order. */
    public static Sort by(String... properties) {
        return by(Direction.ASC, properties);
    }

    /** By each of {@code properties} in {@code direction}. */
    public static Sort by(Direction direction, String... properties) {
        Objects.requireNonNull(direction, "direction");
        return new Sort(Arrays.stream(properties).map(property -> new Order(direction, property)).toList());
    }

    public static Sort by(Order... orders) {
        return new Sort(Arrays.asList(orders));
    }

    public static Sort by(List<Order> orders) {
        return new Sort(orders);
    }

    /** No order: the database returns rows in any order. */
    public static Sort unsorted() {
        return UNSORTED;
    }

    /** This sort with every order descending. */
    public Sort descending() {
        return withDirection(Direction.DESC);
    }

    /** This sort with every order ascending. */
    public Sort ascending() {
        return withDirection(Direction.ASC);
    }

    /** This sort followed by {@code other}'s orders. */
    public Sort and(Sort other) {
        List<Order> all = new ArrayList<>(orders);
        other.forEach(all::add);
        return new Sort(all);
    }

    public boolean isSorted() {
        return !orders.isEmpty();
    }

    public boolean isUnsorted() {
        return orders.isEmpty();
    }

    /** The order for {@code property}, or {@code null}. */
    public Order getOrderFor(String property) {
        return orders.stream().filter(order -> order.getProperty().equals(property)).findFirst().orElse(null);
    }

    public List<Order> toList() {
        return orders;
    }

    public Stream<Order> stream() {
        return orders.stream();
    }

    @Override
    public Iterator<Order> iterator() {
        return orders.iterator();
    }

    private Sort withDirection(Direction direction) {
        return new Sort(orders.stream().map(order -> order.with(direction)).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sort sort && orders.equals(sort.orders);
    }

    @Override
    public int hashCode() {
        return orders.hashCode();
    }

    /** {@code port: DESC, hostname: ASC}, or {@code UNSORTED}. */
    @Override
    public String toString() {
        return orders.isEmpty() ? "UNSORTED" : orders.stream().map(Order::toString).collect(Collectors.joining(", "));
    }

    /** Ascending or descending. */
    public enum Direction {
        ASC, DESC;

        public boolean isAscending() {
            return this == ASC;
        }

        public boolean isDescending() {
            return this == DESC;
        }

        /** {@code "asc"} or {@code "desc"}, any case; anything else is rejected. */
        public static Direction fromString(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidArgumentException("Invalid sort direction '" + value + "'; use 'asc' or 'desc'");
            }
        }
    }

    /** Where NULLs go. */
    public enum NullHandling {
        /** The database's default. */
        NATIVE,
        NULLS_FIRST,
        NULLS_LAST
    }

    /** One property to sort by, with direction, case sensitivity and NULL placement. Immutable. */
    public static final class Order {

        private final Direction direction;
        private final String property;
        private final boolean ignoreCase;
        private final NullHandling nullHandling;

        public Order(Direction direction, String property) {
            this(direction, property, false, NullHandling.NATIVE);
        }

        private Order(Direction direction, String property, boolean ignoreCase, NullHandling nullHandling) {
            if (property == null || property.isBlank()) {
                throw new InvalidArgumentException("A sort order needs a property name; got '" + property + "'");
            }
            this.direction = Objects.requireNonNull(direction, "direction");
            this.property = property;
            this.ignoreCase = ignoreCase;
            this.nullHandling = Objects.requireNonNull(nullHandling, "nullHandling");
        }

        public static Order asc(String property) {
            return new Order(Direction.ASC, property);
        }

        public static Order desc(String property) {
            return new Order(Direction.DESC, property);
        }

        /** Ascending by {@code property}. */
        public static Order by(String property) {
            return asc(property);
        }

        public Direction getDirection() {
            return direction;
        }

        public String getProperty() {
            return property;
        }

        public boolean isAscending() {
            return direction.isAscending();
        }

        public boolean isDescending() {
            return direction.isDescending();
        }

        public boolean isIgnoreCase() {
            return ignoreCase;
        }

        public NullHandling getNullHandling() {
            return nullHandling;
        }

        public Order with(Direction value) {
            return new Order(value, property, ignoreCase, nullHandling);
        }

        /** Compares lower-cased values (for String properties). */
        public Order ignoreCase() {
            return new Order(direction, property, true, nullHandling);
        }

        public Order nullsFirst() {
            return new Order(direction, property, ignoreCase, NullHandling.NULLS_FIRST);
        }

        public Order nullsLast() {
            return new Order(direction, property, ignoreCase, NullHandling.NULLS_LAST);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Order order && direction == order.direction && property.equals(order.property)
                    && ignoreCase == order.ignoreCase && nullHandling == order.nullHandling;
        }

        @Override
        public int hashCode() {
            return Objects.hash(direction, property, ignoreCase, nullHandling);
        }

        @Override
        public String toString() {
            return property + ": " + direction + (ignoreCase ? ", ignoring case" : "")
                    + (nullHandling == NullHandling.NATIVE ? "" : ", " + nullHandling);
        }
    }
}
