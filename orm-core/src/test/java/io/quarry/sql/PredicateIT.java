package io.quarry.sql;

import static io.quarry.sql.Sql.and;
import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.avg;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static io.quarry.sql.Sql.countDistinct;
import static io.quarry.sql.Sql.max;
import static io.quarry.sql.Sql.min;
import static io.quarry.sql.Sql.not;
import static io.quarry.sql.Sql.or;
import static io.quarry.sql.Sql.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.session.Row;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each predicate, aggregate and query shape selects the right rows on every database. */
@CrossDatabaseTest
class PredicateIT {

    @Entity
    @Table(name = "pr_item")
    static class Item {
        @Id Long id;
        String name;
        Integer qty;
        BigDecimal price;
        String category;

        Item() {
        }

        Item(long id, String name, Integer qty, String price, String category) {
            this.id = id;
            this.name = name;
            this.qty = qty;
            this.price = new BigDecimal(price);
            this.category = category;
        }

        String getName() {
            return name;
        }

        Integer getQty() {
            return qty;
        }

        String getCategory() {
            return category;
        }
    }

    private static final List<Item> ITEMS = List.of(
            new Item(1, "alpha", 10, "1.50", "tools"),
            new Item(2, "beta", 20, "2.50", "tools"),
            new Item(3, "gamma", null, "3.00", "toys"),
            new Item(4, "50% off", 5, "0.50", null),
            new Item(5, "50 percent", 7, "0.75", "toys"),
            new Item(6, "a_b", 1, "1.00", "misc"),
            new Item(7, "axb", 2, "1.00", "misc"),
            new Item(8, "back\\slash", 3, "2.00", "misc"),
            new Item(9, "bang!", 4, "2.00", null),
            new Item(10, "it's \"quoted\"", 30, "9.99", "misc"),
            new Item(11, "Alpha", 10, "1.50", "tools"),
            new Item(12, "backslash", 3, "2.00", "misc"),
            new Item(13, "bang", 4, "2.00", null));

    private static final List<Long> ALL = LongStream.rangeClosed(1, 13).boxed().toList();

    private final TestDatabase db;
    private final Engine engine;

    PredicateIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    @BeforeEach
    void createAndFill() {
        engine.dropAll(Item.class);
        engine.createAll(Item.class);
        try (Session session = engine.openSession()) {
            session.addAll(ITEMS);
            session.commit();
        }
    }

    @AfterEach
    void dropTable() {
        engine.dropAll(Item.class);
    }

    // ---- comparisons

    @Test
    void eqMatchesExactlyAndCaseSensitively() {
        assertIds(col("name").eq("alpha"), 1);
        assertIds(col("qty").eq(10), 1, 11);
    }

    @Test
    void neExcludesTheValueAndNulls() {
        assertIds(col("qty").ne(10), 2, 4, 5, 6, 7, 8, 9, 10, 12, 13);
    }

    @Test
    void ltLeGtGeCompareNumbers() {
        assertIds(col("qty").lt(5), 6, 7, 8, 9, 12, 13);
        assertIds(col("qty").le(5), 4, 6, 7, 8, 9, 12, 13);
        assertIds(col("qty").gt(10), 2, 10);
        assertIds(col("qty").ge(10), 1, 2, 10, 11);
        assertIds(col("price").gt(new BigDecimal("2.50")), 3, 10);
    }

    @Test
    void betweenIsInclusiveAndNotBetweenExcludesNulls() {
        assertIds(col("qty").between(3, 7), 4, 5, 8, 9, 12, 13);
        assertIds(col("qty").notBetween(3, 7), 1, 2, 6, 7, 10, 11);
    }

    @Test
    void inAndNotInMatchListedValues() {
        assertIds(col("qty").in(1, 2, 99), 6, 7);
        assertIds(col("name").in(List.of("beta", "gamma")), 2, 3);
        assertIds(col("qty").notIn(10, 20, 30), 4, 5, 6, 7, 8, 9, 12, 13);
    }

    @Test
    void emptyInMatchesNoneAndEmptyNotInMatchesAll() {
        assertIds(col("qty").in(List.of()));
        assertThat(ids(col("qty").notIn(List.of()))).as("on %s", db).isEqualTo(ALL);
    }

    @Test
    void inAndNotInTakeFiveThousandValues() {
        List<Long> values = LongStream.rangeClosed(3, 5_002).boxed().toList();

        assertThat(ids(col("id").in(values))).as("on %s", db).isEqualTo(ALL.subList(2, 13));
        assertIds(col("id").notIn(values), 1, 2);
    }

    // ---- NULL

    @Test
    void isNullAndIsNotNull() {
        assertIds(col("qty").isNull(), 3);
        assertIds(col("category").isNotNull(), 1, 2, 3, 5, 6, 7, 8, 10, 11, 12);
    }

    @Test
    void eqNullMeansIsNull() {
        assertIds(col("category").eq(null), 4, 9, 13);
        assertIds(col(Item::getCategory).eq((String) null), 4, 9, 13);
        assertIds(col(Item::getQty).ne((Integer) null), 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    void aLiteralNullCompilesOnTypedColumnsAndMeansIsNull() {
        assertIds(col(Item::getCategory).eq(null), 4, 9, 13);
        assertIds(col(Item::getQty).ne(null), 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertIds(col(Item::getCategory).equalTo(null), 4, 9, 13);
    }

    @Test
    void equalToComparesTwoColumns() {
        assertIds(col(Item::getName).equalTo(col(Item::getCategory)));
        assertIds(col(Item::getName).equalTo(col(Item::getName)), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    }

    // ---- LIKE

    @Test
    void likeTreatsPercentAndUnderscoreAsWildcards() {
        assertIds(col("name").like("a%"), 1, 6, 7);
        assertIds(col("name").like("a_b"), 6, 7);
    }

    @Test
    void notLikeExcludesMatches() {
        assertIds(col("name").notLike("%a%"), 4, 5, 10);
    }

    @Test
    void likeWithAnExplicitEscapeMatchesWildcardsLiterally() {
        assertIds(col("name").like("a#_b", '#'), 6);
        assertIds(col("name").like("50#%%", '#'), 4);
        assertIds(col("name").notLike("%#_%", '#'), 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    void startsWithTakesPercentAndUnderscoreLiterally() {
        assertIds(col("name").startsWith("50%"), 4);
        assertIds(col("name").startsWith("a_"), 6);
        assertIds(col(Item::getName).startsWith("al"), 1);
    }

    @Test
    void endsWithTakesTheEscapeCharacterLiterally() {
        assertIds(col("name").endsWith("!"), 9);
        assertIds(col("name").endsWith("g!"), 9);
    }

    @Test
    void containsTakesBackslashBangAndQuotesLiterally() {
        assertIds(col("name").contains("k\\s"), 8);
        assertIds(col("name").contains("g!"), 9);
        assertIds(col("name").contains("'s \"q"), 10);
        assertIds(col("name").contains("%"), 4);
        assertIds(col("name").contains("_"), 6);
    }

    @Test
    void notContainsTakesUserInputLiterally() {
        assertIds(col("name").notContains("%"), 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertIds(col("name").notContains("_"), 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13);
        assertIds(col("name").notContains("\\"), 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13);
    }

    @Test
    void eqIgnoreCaseAndLikeIgnoreCaseFoldCase() {
        assertIds(col("name").eqIgnoreCase("ALPHA"), 1, 11);
        assertIds(col("name").likeIgnoreCase("ALP%"), 1, 11);
    }

    // ---- and, or, not

    @Test
    void andOrNotNest() {
        assertIds(or(and(col("category").eq("tools"), col("qty").gt(10)),
                and(col("category").eq("toys"), not(col("qty").isNull()))), 2, 5);
        assertIds(not(or(col("qty").lt(5), col("qty").isNull())), 1, 2, 4, 5, 10, 11);
        assertIds(col("category").eq("misc").and(col("qty").le(2)).or(col("name").eq("beta")), 2, 6, 7);
    }

    @Test
    void severalFiltersAreAnded() {
        try (Session session = engine.openSession()) {
            assertThat(session.query(Item.class).filter(col("category").eq("misc")).filter(col("qty").gt(2),
                    col("qty").lt(30)).count()).as("on %s", db).isEqualTo(2);
        }
    }

    // ---- aggregates

    @Test
    void aggregatesOverTheWholeTable() {
        try (Session session = engine.openSession()) {
            Row row = session.select(Item.class, count(), count(col("qty")), sum(col("qty")), avg(col("qty")),
                    min(col("qty")), max(col("qty")), countDistinct(col("category")), sum(col("price")),
                    min(col("price"))).one();

            assertThat(row.getLong(0)).as("count(*) on %s", db).isEqualTo(13);
            assertThat(row.getLong(1)).as("count(qty) on %s", db).isEqualTo(12);
            assertThat(row.getLong(2)).as("sum(qty) on %s", db).isEqualTo(99);
            assertThat(row.getDouble(3)).as("avg(qty) on %s", db).isEqualTo(8.25);
            assertThat(row.get(4)).as("min(qty) on %s", db).isEqualTo(1);
            assertThat(row.get(5)).as("max(qty) on %s", db).isEqualTo(30);
            assertThat(row.getLong(6)).as("count(distinct category) on %s", db).isEqualTo(3);
            assertThat(row.getBigDecimal(7)).as("sum(price) on %s", db).isEqualByComparingTo("29.74");
            assertThat(row.get(8)).as("min(price) on %s", db).isEqualTo(new BigDecimal("0.50"));
        }
    }

    @Test
    void aggregatesRespectFiltersAndGroups() {
        try (Session session = engine.openSession()) {
            assertThat(session.select(Item.class, count()).filter(col("qty").isNull()).scalar(Long.class))
                    .as("on %s", db).isEqualTo(1);
            List<Row> rows = session.select(Item.class, col("category"), count(), sum(col("qty")))
                    .filter(col("category").isNotNull())
                    .groupBy(col("category"))
                    .having(count().gt(2L))
                    .orderBy(asc("category"))
                    .all();

            assertThat(rows).as("on %s", db).hasSize(2);
            assertThat(rows.get(0).getString(0)).as("on %s", db).isEqualTo("misc");
            assertThat(rows.get(0).getLong(1)).as("on %s", db).isEqualTo(5);
            assertThat(rows.get(0).getLong(2)).as("on %s", db).isEqualTo(39);
            assertThat(rows.get(1).getString(0)).as("on %s", db).isEqualTo("tools");
            assertThat(rows.get(1).getLong(1)).as("on %s", db).isEqualTo(3);
        }
    }

    @Test
    void comparesAggregatesAndArithmeticWithAnyNumberType() {
        try (Session session = engine.openSession()) {
            List<Row> rows = session.select(Item.class, col("category"))
                    .filter(col("category").isNotNull())
                    .groupBy(col("category"))
                    .having(max(col("price")).gt(2), min(col("qty")).le(5L))
                    .all();

            assertThat(rows).as("on %s", db).extracting(row -> row.getString(0)).containsExactly("misc");
        }
        assertIds(col("qty").plus(1).eq(11L), 1, 11);
        assertIds(Sql.lower(col("name")).eq("alpha"), 1, 11);
    }

    @Test
    void aggregatesOfNoRowsAreZeroOrNull() {
        try (Session session = engine.openSession()) {
            Row row = session.select(Item.class, count(), sum(col("qty")), max(col("qty")))
                    .filter(col("qty").gt(1_000)).one();

            assertThat(row.getLong(0)).as("on %s", db).isZero();
            assertThat(row.get(1)).as("on %s", db).isNull();
            assertThat(row.get(2)).as("on %s", db).isNull();
        }
    }

    @Test
    void queryCountsAndDistinct() {
        try (Session session = engine.openSession()) {
            assertThat(session.query(Item.class).filter(col("name").startsWith("b")).count())
                    .as("on %s", db).isEqualTo(5);
            assertThat(session.select(Item.class, col("category")).filter(col("category").isNotNull()).distinct()
                    .orderBy(asc("category")).list(String.class)).as("on %s", db).containsExactly("misc", "tools", "toys");
        }
    }

    // ---- ordering, limit, offset

    @Test
    void ordersNullsFirstOrLastAsAskedOnEveryDatabase() {
        List<Long> nullsFirst = orderedIds(col("qty").asc().nullsFirst(), col("id").asc());
        List<Long> nullsLast = orderedIds(col("qty").asc().nullsLast(), col("id").asc());
        List<Long> descNullsFirst = orderedIds(col("qty").desc().nullsFirst(), col("id").asc());
        List<Long> descNullsLast = orderedIds(col("qty").desc().nullsLast(), col("id").asc());

        assertThat(nullsFirst).as("asc nulls first on %s", db).startsWith(3L, 6L, 7L);
        assertThat(nullsLast).as("asc nulls last on %s", db).startsWith(6L, 7L).endsWith(10L, 3L);
        assertThat(descNullsFirst).as("desc nulls first on %s", db).startsWith(3L, 10L, 2L);
        assertThat(descNullsLast).as("desc nulls last on %s", db).startsWith(10L, 2L).endsWith(6L, 3L);
    }

    @Test
    void limitAndOffsetPage() {
        try (Session session = engine.openSession()) {
            assertThat(session.query(Item.class).orderBy(asc("id")).limit(3).offset(2).all())
                    .as("on %s", db).extracting(item -> item.id).containsExactly(3L, 4L, 5L);
            assertThat(session.query(Item.class).orderBy(asc("id")).offset(10).all())
                    .as("offset alone on %s", db).extracting(item -> item.id).containsExactly(11L, 12L, 13L);
            assertThat(session.query(Item.class).orderBy(asc("id")).limit(2).all())
                    .as("limit alone on %s", db).extracting(item -> item.id).containsExactly(1L, 2L);
        }
    }

    // ---- helpers

    private List<Long> ids(Predicate... predicates) {
        try (Session session = engine.openSession()) {
            return session.query(Item.class).filter(predicates).orderBy(asc("id")).all().stream()
                    .map(item -> item.id).toList();
        }
    }

    private List<Long> orderedIds(Order... orders) {
        try (Session session = engine.openSession()) {
            return session.query(Item.class).orderBy(orders).all().stream().map(item -> item.id).toList();
        }
    }

    private void assertIds(Predicate predicate, long... expected) {
        assertThat(ids(predicate)).as("%s on %s", predicate, db)
                .containsExactly(LongStream.of(expected).boxed().toArray(Long[]::new));
    }
}
