package io.quarry.repository.query.derived;

import io.quarry.dialect.Dialect;
import io.quarry.dialect.RowLock;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.PropertyModel;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.KeysetScrollPosition;
import io.quarry.repository.ScrollPosition;
import io.quarry.repository.Sort;
import io.quarry.repository.query.Coercions;
import io.quarry.repository.query.Keyset;
import io.quarry.repository.query.parse.PartTree;
import io.quarry.repository.query.projection.Projection;
import io.quarry.sql.Assignment;
import io.quarry.sql.Binding;
import io.quarry.sql.Column;
import io.quarry.sql.Delete;
import io.quarry.sql.Expression;
import io.quarry.sql.Order;
import io.quarry.sql.Parameter;
import io.quarry.sql.Predicate;
import io.quarry.sql.Select;
import io.quarry.sql.Sql;
import io.quarry.sql.SqlStatement;
import io.quarry.sql.Update;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The SQL of one derived query, rendered through io.quarry.sql once per variant and cached: a
 * variant is the call shape (null Is/Not arguments, In sizes), the run-time Sort, whether LIMIT
 * and OFFSET are bound from the arguments, and a dynamic projection. A method without those has
 * exactly one statement. Thread-safe.
 */
final class QueryStatements {

    /** No LIMIT/OFFSET from the arguments. */
    static final int UNPAGED = 0;
    /** LIMIT bound from the limit slot. */
    static final int LIMITED = 1;
    /** LIMIT and OFFSET bound from their slots. */
    static final int PAGED = 2;

    /** Not a keyset scroll. */
    static final int NO_KEYSET = 0;
    /** The first window forward: the keyset order, no keyset WHERE. */
    static final int KEYSET_FIRST = 1;
    /** A window after a position: the keyset order and WHERE. */
    static final int KEYSET_AFTER = 2;
    /** The last window, read backward: the reversed keyset order, no WHERE. */
    static final int KEYSET_LAST = 3;
    /** A window before a position: the reversed keyset order and WHERE. */
    static final int KEYSET_BEFORE = 4;
    /** A window from an offset, in the keyset order (the id breaks ties) with OFFSET. */
    static final int OFFSET_ORDER = 5;

    /** Past this many cached variants (only reachable through many distinct Sorts), new ones are rendered per call. */
    private static final int MAX_CACHED = 512;

    /** A SET item of an update query. */
    record Assign(PropertyModel property, int argument, UnaryOperator<Object> convert) {
    }

    /** What the statements of a query are made of. */
    record Recipe(EntityModel<?> model, PartTree.Verb verb, boolean distinct, Long fixedLimit, PropertyModel subject,
            List<Assign> assignments, Criteria criteria, List<Order> orderBy, int limitSlot, int offsetSlot,
            RowLock lock) {
    }

    private enum Kind { MAIN, COUNT, IDS, LOCKED_ROWS }

    /**
     * A variant. equals and hashCode are written out: a record's generated ones are bootstrapped
     * through invokedynamic on first use, which showed up in start-up profiles.
     */
    private record Key(Kind kind, long shape, Sort sort, int paging, Projection projection, int keyset) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && kind == key.kind && shape == key.shape && paging == key.paging
                    && keyset == key.keyset && Objects.equals(sort, key.sort) && Objects.equals(projection, key.projection);
        }

        @Override
        public int hashCode() {
            int hash = kind.hashCode();
            hash = 31 * hash + Long.hashCode(shape);
            hash = 31 * hash + Objects.hashCode(sort);
            hash = 31 * hash + paging;
            hash = 31 * hash + keyset;
            return 31 * hash + Objects.hashCode(projection);
        }
    }

    private final Recipe recipe;
    private final Dialect dialect;
    private final ModelRegistry models;
    private final CodecRegistry codecs;
    private final SortResolver sorts;
    private final String method;
    private final Map<Key, SqlStatement> cache = new ConcurrentHashMap<>();
    private final Map<Sort, Keyset> keysets = new ConcurrentHashMap<>();

    QueryStatements(Recipe recipe, Dialect dialect, ModelRegistry models, String method) {
        this.recipe = recipe;
        this.dialect = dialect;
        this.models = models;
        this.codecs = models.codecs();
        this.sorts = new SortResolver(recipe.model(), models);
        this.method = method;
    }

    /**
     * Renders, at start-up, the statements of every combination of null Is/Not arguments (at most
     * 16; larger sets render on first use) for the unsorted call with the given paging modes.
     */
    void prerender(List<Integer> nullBits, Projection projection, List<Integer> pagings) {
        if (nullBits.size() > 4) {
            nullBits = nullBits.subList(0, 0);
        }
        for (int combination = 0; combination < 1 << nullBits.size(); combination++) {
            long shape = 0;
            for (int i = 0; i < nullBits.size(); i++) {
                if ((combination & 1 << i) != 0) {
                    shape |= 1L << nullBits.get(i);
                }
            }
            for (int paging : pagings) {
                main(shape, Sort.unsorted(), paging, projection);
            }
            if (recipe.verb() == PartTree.Verb.DELETE || recipe.verb() == PartTree.Verb.UPDATE) {
                ids(shape);
            }
            if (recipe.verb() == PartTree.Verb.DELETE && projection != null) {
                rowsToDelete(shape);
            }
        }
    }

    /**
     * Renders, at start-up, the windows of a scrolling method without a run-time Sort: from an offset, and,
     * when its order can be a keyset, the first and last windows and those after and before a position.
     */
    void prerenderScroll(List<Integer> nullBits, Projection projection, int paging) {
        if (offsetVariant(Sort.unsorted()) == NO_KEYSET) {
            prerender(nullBits, projection, List.of(PAGED)); // its order cannot be a keyset: a keyset call says why
            return;
        }
        main(0, Sort.unsorted(), PAGED, projection, OFFSET_ORDER);
        for (int keyset = KEYSET_FIRST; keyset <= KEYSET_BEFORE; keyset++) {
            main(0, Sort.unsorted(), paging, projection, keyset);
        }
    }

    /**
     * How an offset window with {@code sort} is ordered: as keyset windows ({@link #OFFSET_ORDER}: the id
     * breaks ties, so windows over equal sort keys neither skip nor repeat rows) when the order can be a
     * keyset, else as given ({@link #NO_KEYSET}).
     */
    int offsetVariant(Sort sort) {
        try {
            keyset(sort);
            return OFFSET_ORDER;
        } catch (InvalidArgumentException e) {
            return NO_KEYSET;
        }
    }

    /** The statement the query runs: a SELECT, or the DELETE/UPDATE of a modifying query. */
    SqlStatement main(long shape, Sort sort, int paging, Projection projection) {
        return main(shape, sort, paging, projection, NO_KEYSET);
    }

    /** The SELECT of a keyset window ({@link #KEYSET_FIRST}...), or with {@link #NO_KEYSET} any main statement. */
    SqlStatement main(long shape, Sort sort, int paging, Projection projection, int keyset) {
        return cached(new Key(Kind.MAIN, shape, sort.isSorted() ? sort : null, paging, projection, keyset));
    }

    /** The keyset variant that reads from {@code position}. */
    static int keysetVariant(KeysetScrollPosition position) {
        return position.scrollsForward() ? (position.isInitial() ? KEYSET_FIRST : KEYSET_AFTER)
                : position.isInitial() ? KEYSET_LAST : KEYSET_BEFORE;
    }

    /**
     * The sort keys of a scroll with the run-time {@code sort}: the method name's OrderBy, then the Sort,
     * then the id; {@link InvalidArgumentException} when they cannot be a keyset.
     */
    Keyset keyset(Sort sort) {
        Keyset keyset = keysets.get(sort);
        if (keyset == null) {
            List<Sort.Order> named = new ArrayList<>();
            for (Order order : recipe.orderBy()) {
                named.add(new Sort.Order(order.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC,
                        ((Column<?>) order.expression()).name()));
            }
            sorts.orders(sort, method); // a name that is no property fails as in any sorted query
            keyset = Keyset.of(recipe.model(), Sort.by(named).and(sort), method);
            if (keysets.size() < MAX_CACHED) {
                keysets.putIfAbsent(sort, keyset);
            }
        }
        return keyset;
    }

    /** The argument slot of the first keyset value: after LIMIT and OFFSET. */
    int keysetSlot() {
        return recipe.offsetSlot() + 1;
    }

    /** The count of all rows a paged find would read. */
    SqlStatement count(long shape, Projection projection) {
        return cached(new Key(Kind.COUNT, shape, null, UNPAGED, projection, NO_KEYSET));
    }

    /**
     * The rows a delete that returns them will remove, locked (FOR UPDATE) so that nobody changes or
     * deletes them between the read and the delete. Its conditions never join (paths are EXISTS
     * subqueries), so PostgreSQL can lock every row it reads.
     */
    SqlStatement rowsToDelete(long shape) {
        return cached(new Key(Kind.LOCKED_ROWS, shape, null, UNPAGED, null, NO_KEYSET));
    }

    /** The ids of the rows a bulk delete or update will touch. */
    SqlStatement ids(long shape) {
        return cached(new Key(Kind.IDS, shape, null, UNPAGED, null, NO_KEYSET));
    }

    /**
     * The distinct SQL texts rendered so far without a run-time Sort: the statement of each call shape and
     * paging, then counts, then the id selects of bulk writes, in that order.
     */
    List<String> texts() {
        return cache.entrySet().stream().filter(entry -> entry.getKey().sort() == null)
                .sorted(java.util.Comparator.comparing((Map.Entry<Key, SqlStatement> entry) -> entry.getKey().kind())
                        .thenComparingLong(entry -> entry.getKey().shape())
                        .thenComparingInt(entry -> entry.getKey().paging())
                        .thenComparingInt(entry -> entry.getKey().keyset()))
                .map(entry -> entry.getValue().sql()).distinct().toList();
    }

    /** How many variants are rendered so far (for tests). */
    int rendered() {
        return cache.size();
    }

    private SqlStatement cached(Key key) {
        SqlStatement statement = cache.get(key);
        if (statement == null) {
            statement = render(key);
            if (key.sort() == null || cache.size() < MAX_CACHED) {
                cache.putIfAbsent(key, statement);
            }
        }
        return statement;
    }

    private SqlStatement render(Key key) {
        // a DELETE or UPDATE cannot join the same way on every database: its paths are EXISTS subqueries
        boolean writes = key.kind() == Kind.LOCKED_ROWS || key.kind() == Kind.MAIN
                && (recipe.verb() == PartTree.Verb.DELETE || recipe.verb() == PartTree.Verb.UPDATE);
        List<Predicate> where = recipe.criteria().where(key.shape(), !writes);
        EntityModel<?> model = recipe.model();
        return switch (key.kind()) {
            case IDS -> Select.from(model).columns(List.of(id())).where(where).render(dialect, models);
            case LOCKED_ROWS -> Select.from(model).where(where).lock(RowLock.UPDATE).render(dialect, models);
            case COUNT -> countRows(where, key.projection());
            case MAIN -> switch (recipe.verb()) {
                case FIND -> find(where, key);
                case COUNT -> Select.from(model).columns(List.of(recipe.distinct() && recipe.subject() != null
                        ? Sql.countDistinct(column(recipe.subject())) : Sql.count())).where(where).render(dialect, models);
                case EXISTS -> Select.from(model).columns(List.of(id())).where(where).limit(1L).render(dialect, models);
                case DELETE -> Delete.from(model).where(where).render(dialect, models);
                case UPDATE -> Update.table(model).set(assignments()).where(where).render(dialect, models);
                case SUM, AVG, MIN, MAX -> Select.from(model).columns(List.of(aggregate())).where(where)
                        .render(dialect, models);
            };
        };
    }

    private SqlStatement find(List<Predicate> where, Key key) {
        Select select = Select.from(recipe.model()).where(where).distinct(recipe.distinct());
        if (!key.projection().isEntity()) {
            select = select.columns(columns(key.projection()));
        }
        List<Order> orders = new ArrayList<>();
        if (key.keyset() != NO_KEYSET) {
            select = keyset(select, key, orders);
        } else {
            orders.addAll(recipe.orderBy());
            if (key.sort() != null) {
                orders.addAll(sorts.orders(key.sort(), method));
            }
        }
        select = select.orderBy(orders).lock(recipe.lock());
        if (key.paging() == UNPAGED) {
            return select.limit(recipe.fixedLimit()).render(dialect, models);
        }
        select = select.limit(0L).offset(key.paging() == PAGED ? 0L : null);
        return withPagingArguments(select.render(dialect, models), key.paging() == PAGED);
    }

    /**
     * The keyset order into {@code orders} and, for a window after or before a position, the keyset WHERE,
     * whose values are bound from the argument slots after OFFSET (the position's values, in key order).
     */
    private Select keyset(Select select, Key key, List<Order> orders) {
        Keyset keyset = keyset(key.sort() == null ? Sort.unsorted() : key.sort());
        boolean forward = key.keyset() != KEYSET_LAST && key.keyset() != KEYSET_BEFORE;
        ScrollPosition.Direction direction = forward ? ScrollPosition.Direction.FORWARD : ScrollPosition.Direction.BACKWARD;
        orders.addAll(keyset.orders(direction));
        if (key.keyset() != KEYSET_AFTER && key.keyset() != KEYSET_BEFORE) {
            return select;
        }
        List<String> names = keyset.names();
        return select.where(List.of(keyset.predicate(direction, i -> new Parameter(keysetSlot() + i,
                recipe.model().property(names.get(i)).codec(), Coercions.identity()))));
    }

    /** Replaces the placeholder values of LIMIT (and OFFSET), bound last, with the call's slots. */
    private SqlStatement withPagingArguments(SqlStatement statement, boolean offset) {
        List<Binding> bindings = new ArrayList<>(statement.bindings());
        int first = bindings.size() - (offset ? 2 : 1);
        @SuppressWarnings("unchecked")
        Codec<Object> longCodec = (Codec<Object>) codecs.lookup(Long.class, false);
        bindings.set(first, new Parameter(recipe.limitSlot(), longCodec, Coercions.identity()));
        if (offset) {
            bindings.set(first + 1, new Parameter(recipe.offsetSlot(), longCodec, Coercions.identity()));
        }
        return new SqlStatement(statement.sql(), bindings);
    }

    private SqlStatement countRows(List<Predicate> where, Projection projection) {
        Select select = Select.from(recipe.model()).where(where);
        if (recipe.distinct() && !projection.isEntity()) {
            // a derived table's columns need distinct names (MariaDB, H2): hostname and datacenter.name are both "name"
            List<Expression> labelled = new ArrayList<>();
            List<Expression> columns = columns(projection);
            for (int i = 0; i < columns.size(); i++) {
                labelled.add(new SqlParts.Labelled(columns.get(i), "c" + (i + 1)));
            }
            SqlStatement inner = select.columns(labelled).distinct(true).render(dialect, models);
            return Select.countRowsOf(inner);
        }
        return select.columns(List.of(Sql.count())).render(dialect, models);
    }

    private static List<Expression> columns(Projection projection) {
        List<Expression> columns = new ArrayList<>();
        for (String path : projection.columns()) {
            columns.add(Sql.col(path));
        }
        return columns;
    }

    private List<Assignment> assignments() {
        List<Assignment> assignments = new ArrayList<>();
        for (Assign assign : recipe.assignments()) {
            Column<Object> column = column(assign.property());
            assignments.add(new Assignment(column, new Parameter(assign.argument(), assign.property().codec(),
                    assign.convert())));
        }
        return assignments;
    }

    private Expression aggregate() {
        Column<Object> column = column(recipe.subject());
        return switch (recipe.verb()) {
            case SUM -> Sql.sum(column);
            case AVG -> Sql.avg(column);
            case MIN -> Sql.min(column);
            default -> Sql.max(column);
        };
    }

    private Column<Object> id() {
        return column(recipe.model().id());
    }

    private static Column<Object> column(PropertyModel property) {
        return Sql.col(property.name());
    }
}
