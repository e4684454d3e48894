package io.quarry.repository.query;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.KeysetScrollPosition;
import io.quarry.repository.OffsetScrollPosition;
import io.quarry.repository.ScrollPosition;
import io.quarry.repository.Sort;
import io.quarry.repository.Window;
import io.quarry.sql.Column;
import io.quarry.sql.Order;
import io.quarry.sql.Predicate;
import io.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The sort keys of a scrolling query, as Spring Data's keyset scrolling has them: the properties of its
 * order, then the id when the order does not name it, so that every row has one place. Makes the ORDER
 * BY (reversed to scroll backward), the keyset WHERE ({@code a > ? or (a = ? and b > ?)}, each
 * comparison following its key's direction) from values the caller chooses (bound parameters of a
 * statement rendered once, or the position's values), the positions of a window's rows, and checks a
 * position's keys against them. Only properties of the entity itself can be keys, in their natural
 * order: a path through a reference, an ignore-case order and NULLS FIRST/LAST cannot be resumed with
 * comparisons, so they are refused. Immutable and thread-safe.
 */
public final class Keyset {

    /** One sort key: a property of the entity and its direction. */
    private record Key(PropertyModel property, boolean ascending) {
    }

    private final EntityModel<?> model;
    private final List<Key> keys;
    private final List<String> names;
    private final String method;

    private Keyset(EntityModel<?> model, List<Key> keys, String method) {
        this.model = model;
        this.keys = List.copyOf(keys);
        this.names = keys.stream().map(key -> key.property().name()).toList();
        this.method = method;
    }

    /**
     * The keys of {@code sort} with the id appended when it names no id; {@link InvalidArgumentException}
     * when an order cannot be a key.
     */
    public static Keyset of(EntityModel<?> model, Sort sort, String method) {
        List<Key> keys = new ArrayList<>();
        for (Sort.Order order : sort) {
            String name = order.getProperty();
            PropertyModel property = name.indexOf('.') < 0 ? model.findProperty(name) : null;
            String refused = property == null ? "keyset scrolling compares the sort keys of " + model.type().getSimpleName()
                    + " itself, and '" + name + "' is not a property of it (paths through references are not keys)"
                    : order.isIgnoreCase() ? "keyset scrolling cannot resume an ignore-case order ('" + name + "'): "
                            + "the comparison would not follow it"
                    : order.getNullHandling() != Sort.NullHandling.NATIVE ? "keyset scrolling cannot resume an "
                            + "order with NULLS FIRST/LAST ('" + name + "'): NULL compares with nothing" : null;
            if (refused != null) {
                throw new InvalidArgumentException(method + ": " + refused + "; sort by properties of "
                        + model.type().getSimpleName() + ", or scroll with ScrollPosition.offset()");
            }
            if (keys.stream().noneMatch(key -> key.property() == property)) {
                keys.add(new Key(property, order.isAscending()));
            }
        }
        if (keys.stream().noneMatch(key -> key.property().isId())) {
            keys.add(new Key(model.id(), true));
        }
        return new Keyset(model, keys, method);
    }

    /** The property names of the keys, in order: what a position of this query holds. */
    public List<String> names() {
        return names;
    }

    public int size() {
        return keys.size();
    }

    /** The ORDER BY of a window read in {@code direction}: reversed backward. */
    public List<Order> orders(ScrollPosition.Direction direction) {
        boolean forward = direction == ScrollPosition.Direction.FORWARD;
        List<Order> orders = new ArrayList<>(keys.size());
        for (Key key : keys) {
            Column<Object> column = Sql.col(key.property().name());
            orders.add(key.ascending() == forward ? column.asc() : column.desc());
        }
        return orders;
    }

    /**
     * The rows after (forward) or before (backward) the position in the query's order: for keys a, b, c,
     * {@code a >= v0 and (a > v0 or (a = v0 and b > v1) or (a = v0 and b = v1 and c > v2))}, with {@code <}
     * for a descending key (and each comparison flipped backward). The leading {@code a >= v0} is implied by
     * the rest (Spring Data leaves it out); it gives an index on the first key a range to start from.
     * {@code value} gives what is compared with key i: a bound parameter or the value itself.
     */
    public Predicate predicate(ScrollPosition.Direction direction, IntFunction<Object> value) {
        boolean forward = direction == ScrollPosition.Direction.FORWARD;
        List<Predicate> alternatives = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            List<Predicate> all = new ArrayList<>(i + 1);
            for (int j = 0; j < i; j++) {
                all.add(Sql.col(keys.get(j).property().name()).eq(value.apply(j)));
            }
            Column<Object> column = Sql.col(keys.get(i).property().name());
            all.add(keys.get(i).ascending() == forward ? column.gt(value.apply(i)) : column.lt(value.apply(i)));
            alternatives.add(all.size() == 1 ? all.get(0) : Sql.and(all));
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        // implied by the alternatives, but the one bound an index on the first key can start its scan at:
        // without it PostgreSQL walks the index from the start, filtering out every row before the position
        Column<Object> first = Sql.col(keys.get(0).property().name());
        Predicate bound = keys.get(0).ascending() == forward ? first.ge(value.apply(0)) : first.le(value.apply(0));
        return Sql.and(bound, Sql.or(alternatives));
    }

    /**
     * The values of {@code position} in key order, converted to the properties' types. A position that
     * does not hold exactly this query's keys (one from another query) or holds a NULL is refused.
     */
    public Object[] values(KeysetScrollPosition position) {
        Map<String, Object> given = position.getKeys();
        if (given.size() != names.size() || !given.keySet().containsAll(names)) {
            throw new InvalidArgumentException(method + ": the scroll position holds the keys " + given.keySet()
                    + " but this query resumes from " + names + " (its sort, then the id); pass a position of this "
                    + "query's windows (window.positionAt(i)), or ScrollPosition.keyset() to start over");
        }
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            PropertyModel property = keys.get(i).property();
            Object value = given.get(property.name());
            if (value == null) {
                throw new InvalidArgumentException(method + ": the scroll position's key '" + property.name() + "' is "
                        + "null; keyset scrolling cannot resume from a NULL sort key (NULL compares with nothing). "
                        + "Sort by properties that are never null, or scroll with ScrollPosition.offset()");
            }
            values[i] = Coercions.convert(value, Types.boxed(property.javaType()), method + ": the scroll position's "
                    + "key '" + property.name() + "'");
        }
        return values;
    }

    /**
     * The window of {@code rows}, read with one row more than {@code limit} (unless unlimited) in the
     * direction of {@code position}: backward they come in reversed order and are put back in the query's.
     */
    public Window<Object> window(List<Object> rows, int limit, KeysetScrollPosition position) {
        boolean more = rows.size() > limit;
        List<Object> content;
        if (position.scrollsBackward()) {
            List<Object> reversed = new ArrayList<>(more ? rows.subList(0, limit) : rows);
            Collections.reverse(reversed);
            content = reversed;
        } else {
            content = more ? rows.subList(0, limit) : rows;
        }
        List<Object> fixed = List.copyOf(content);
        ScrollPosition.Direction direction = position.getDirection();
        return Window.from(fixed, index -> ScrollPosition.of(keysOf(fixed.get(index)), direction), more);
    }

    /** The keys of one row; {@link IllegalStateException} (no position) when one is NULL or the row is no entity. */
    private Map<String, Object> keysOf(Object row) {
        if (!model.type().isInstance(row)) {
            throw new IllegalStateException(method + ": a keyset position needs the sort keys of a "
                    + model.type().getSimpleName() + ", and this window holds " + row.getClass().getSimpleName());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Key key : keys) {
            Object value = key.property().get(row);
            if (value == null) {
                throw new IllegalStateException(method + ": no keyset position after this row: its '"
                        + key.property().name() + "' is null, and keyset scrolling cannot resume from a NULL sort key");
            }
            values.put(key.property().name(), value);
        }
        return values;
    }

    /** The 0-based row a window scrolled to from {@code position} starts at. */
    public static long firstRow(OffsetScrollPosition position) {
        return position.isInitial() ? 0 : position.getOffset() + 1;
    }

    /** The window of {@code rows} read from {@code position} with one row more than {@code limit} (unless unlimited). */
    public static Window<Object> offsetWindow(List<Object> rows, int limit, OffsetScrollPosition position) {
        boolean more = rows.size() > limit;
        return Window.from(more ? rows.subList(0, limit) : rows, OffsetScrollPosition.positionFunction(firstRow(position)),
                more);
    }

    /** The position argument of a scrolling method, checked: null is refused with how to start. */
    public static ScrollPosition require(Object position, String method) {
        if (position == null) {
            throw new InvalidArgumentException(method + ": the ScrollPosition is null; pass ScrollPosition.keyset() or "
                    + "ScrollPosition.offset() to read the first window");
        }
        return (ScrollPosition) position;
    }
}
