package io.quarry.sql;

import static io.quarry.sql.Sql.and;
import static io.quarry.sql.Sql.any;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static io.quarry.sql.Sql.has;
import static io.quarry.sql.Sql.lower;
import static io.quarry.sql.Sql.max;
import static io.quarry.sql.Sql.not;
import static io.quarry.sql.Sql.or;
import static io.quarry.sql.Sql.path;
import static io.quarry.sql.Sql.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.dialect.Dialect;
import io.quarry.dialect.H2Dialect;
import io.quarry.dialect.MySqlDialect;
import io.quarry.dialect.PostgresDialect;
import io.quarry.dialect.RowLock;
import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.OneToMany;
import io.quarry.mapping.SoftDelete;
import io.quarry.mapping.Table;
import io.quarry.types.CodecRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builder SELECTs rendered once per shape: a statement of a shape seen before gets the text a rendering
 * would give it and its own values, and statements whose text differs never share one.
 */
class RenderedSelectsTest {

    @Entity
    @Table(name = "rs_shelf")
    static class Shelf {
        @Id Long id;
        String name;
        @OneToMany(mappedBy = "shelf") List<Book> books = new ArrayList<>();

        String getName() {
            return name;
        }

        List<Book> getBooks() {
            return books;
        }
    }

    @Entity
    @Table(name = "rs_book")
    static class Book {
        @Id Long id;
        String title;
        int pages;
        Integer year;
        @ManyToOne Shelf shelf;
        @ManyToOne Shelf previousShelf;
        @SoftDelete boolean deleted;

        String getTitle() {
            return title;
        }

        int getPages() {
            return pages;
        }

        Shelf getShelf() {
            return shelf;
        }
    }

    private static final ModelRegistry MODELS = new ModelRegistry(CodecRegistry.withDefaults());
    private static final EntityModel<Book> BOOKS = MODELS.model(Book.class);
    private static final EntityModel<Shelf> SHELVES = MODELS.model(Shelf.class);

    /** A statement built from one variant of its values (1, 2, 3); some variants change the shape on purpose. */
    private record Case(String name, IntFunction<Select> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Select books(Predicate... where) {
        return Select.from(BOOKS).where(List.of(where));
    }

    private static List<Integer> numbers(int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(100 * count + i);
        }
        return numbers;
    }

    @SuppressWarnings("unchecked")
    private static final io.quarry.types.Codec<Object> LONGS =
            (io.quarry.types.Codec<Object>) MODELS.codecs().lookup(Long.class, false);

    static List<Case> cases() {
        return List.of(
                new Case("eq", v -> books(col("title").eq("t" + v))),
                new Case("eq, or IS NULL in the third", v -> books(col("title").eq(v == 3 ? null : "t" + v))),
                new Case("ne, or IS NOT NULL in the third", v -> books(col("title").ne(v == 3 ? null : "t" + v))),
                new Case("by method reference, ordered and limited", v -> books(col(Book::getTitle).eq("t" + v),
                        col(Book::getPages).gt(v)).orderBy(List.of(col("title").asc(), col("year").desc().nullsFirst()))
                        .limit((long) v)),
                new Case("limit in the first, offset in the second, both in the third", v -> books(col("pages").lt(v))
                        .limit(v != 2 ? Long.valueOf(v) : null).offset(v != 1 ? Long.valueOf(v * 10L) : null)),
                new Case("in lists of 1, 2 and 3", v -> books(col("pages").in(numbers(v)))),
                new Case("not in, empty in the first", v -> books(col("pages").notIn(numbers(v - 1)))),
                new Case("between and not between", v -> books(col("pages").between(v, v + 10),
                        col("year").notBetween(v * 1000, v * 1000 + 5))),
                new Case("like, startsWith, contains, ignoring case", v -> books(col("title").like("a%" + v),
                        col("title").startsWith("b" + v), col("title").notContains("c" + v),
                        col("title").likeIgnoreCase("%d" + v), col("title").eqIgnoreCase("E" + v))),
                new Case("regex", v -> books(col("title").matchesRegex("^x" + v), col("title").matchesRegexIgnoreCase("y" + v))),
                new Case("and, or, not", v -> books(or(col("pages").eq(v), and(col("year").ge(v), not(col("title").eq("n" + v)))))),
                new Case("junction sizes", v -> books(or(Collections.nCopies(v, col("pages").eq(v))))),
                new Case("is null and is not null", v -> books(v == 1 ? col("year").isNull() : col("year").isNotNull())),
                new Case("column against column and arithmetic", v -> books(col("pages").equalTo(col("year")),
                        col("pages").plus(v).gt(v * 2))),
                new Case("functions, and a sum bound by its value's class", v -> books(lower(col("title")).eq("l" + v),
                        max(col("pages")).ge(v), sum(col("pages")).gt(v == 2 ? (Number) Long.valueOf(v) : v))),
                new Case("columns, group by and having", v -> Select.from(BOOKS).columns(List.of(col("year"), count()))
                        .where(List.of(col("pages").gt(v))).groupBy(List.of(col("year")))
                        .having(List.of(count().gt((long) v)))),
                new Case("a path through a reference", v -> books(path(Book::getShelf, Shelf::getName).isNotNull(),
                        col("shelf.name").eq("s" + v))),
                new Case("has", v -> books(has(Book::getShelf, col("name").eq("h" + v)))),
                new Case("any over soft-deleted elements", v -> Select.from(SHELVES)
                        .where(List.of(any(Shelf::getBooks, col("title").eq("a" + v))))),
                new Case("locks", v -> books(col("pages").eq(v)).lock(v == 1 ? RowLock.UPDATE : v == 2 ? RowLock.UPDATE_NOWAIT
                        : RowLock.UPDATE_SKIP_LOCKED)),
                new Case("distinct, deleted rows included, joined loading", v -> books(col("pages").eq(v))
                        .distinct(v != 2).includeDeleted(v != 3).loadJoined(v == 1 ? List.of("shelf") : List.of())),
                new Case("run-time parameters", v -> books(col("pages").eq(new Parameter(v, LONGS, UnaryOperator.identity())))),
                new Case("a number converted to the column's type", v -> books(col("pages").eq((long) v))),
                // every flag and operator of the language, changed from one variant to the next
                new Case("comparison operators", v -> books(v == 1 ? col("pages").lt(v) : v == 2 ? col("pages").le(v)
                        : col("pages").gt(v))),
                new Case("equal, ignoring case or not", v -> books(v == 1 ? col("title").eq("e") : v == 2
                        ? col("title").eqIgnoreCase("e") : col("title").ne("e"))),
                new Case("between or not", v -> books(v == 2 ? col("pages").notBetween(1, v) : col("pages").between(1, v))),
                new Case("in or not in", v -> books(v == 2 ? col("pages").notIn(1, 2) : col("pages").in(1, 2))),
                new Case("like, not like, ignoring case", v -> books(v == 1 ? col("title").like("a") : v == 2
                        ? col("title").notLike("a") : col("title").likeIgnoreCase("a"))),
                new Case("regex ignoring case or not", v -> books(v == 2 ? col("title").matchesRegexIgnoreCase("r")
                        : col("title").matchesRegex("r"))),
                new Case("and, or, not or", v -> books(v == 1 ? and(col("pages").eq(1), col("year").eq(2)) : v == 2
                        ? or(col("pages").eq(1), col("year").eq(2)) : not(or(col("pages").eq(1), col("year").eq(2))))),
                new Case("which column", v -> books(col(v == 1 ? "id" : v == 2 ? "shelf.id" : "previousShelf.id").isNull())),
                new Case("which function", v -> books((v == 1 ? lower(col("title")) : v == 2 ? Sql.upper(col("title"))
                        : Sql.<String>col("title")).eq("f"))),
                new Case("plus or minus", v -> books((v == 2 ? col("pages").minus(1) : col("pages").plus(1)).eq(3))),
                new Case("count, count distinct, max", v -> Select.from(BOOKS).columns(List.of(v == 1 ? count(col("year"))
                        : v == 2 ? Sql.countDistinct(col("year")) : max(col("year"))))),
                new Case("joined loading or not", v -> books(col("pages").eq(v)).loadJoined(v == 2 ? List.of("shelf")
                        : List.of())),
                new Case("order direction and nulls", v -> books().orderBy(List.of(v == 1 ? col("title").asc() : v == 2
                        ? col("title").desc() : col("title").desc().nullsLast()))));
    }

    static Stream<Object[]> casesOnEveryDialect() {
        return Stream.of(new H2Dialect(), new MySqlDialect(true), new PostgresDialect())
                .flatMap(dialect -> cases().stream().map(each -> new Object[] {dialect.name(), dialect, each}));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("casesOnEveryDialect")
    void everyStatementGetsTheTextAndValuesItsOwnRenderingGives(String name, Dialect dialect, Case each) {
        RenderedSelects selects = new RenderedSelects(dialect, MODELS);
        java.util.Set<String> texts = new java.util.HashSet<>();
        for (int variant = 1; variant <= 3; variant++) {
            Select select = each.build().apply(variant);
            SqlStatement rendered = select.render(dialect, MODELS);
            SqlStatement counted = select.renderCount(dialect, MODELS);
            assertSame(selects.render(select), rendered, each + " " + variant);
            assertSame(selects.renderCount(select), counted, each + " count " + variant);
            texts.add(rendered.sql());
            texts.add(counted.sql());
        }
        boolean renderedEachTime = each.name().startsWith("any over soft-deleted");
        assertThat(selects.renders()).as("renderings of %s", each).isEqualTo(renderedEachTime ? 6 : texts.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void statementsWhoseTextDiffersNeverShareItInOneCache(String name, Dialect dialect) {
        RenderedSelects selects = new RenderedSelects(dialect, MODELS);
        for (int round = 0; round < 2; round++) {
            for (Case each : cases()) {
                for (int variant = 1; variant <= 3; variant++) {
                    Select select = each.build().apply(variant);
                    assertSame(selects.render(select), select.render(dialect, MODELS), each + " " + variant);
                }
            }
        }
    }

    static Stream<Object[]> dialects() {
        return Stream.of(new H2Dialect(), new MySqlDialect(true), new PostgresDialect())
                .map(dialect -> new Object[] {dialect.name(), dialect});
    }

    @Test
    void threadsSharingOneCacheEachGetTheTextAndValuesOfTheirOwnStatements() throws Exception {
        RenderedSelects selects = new RenderedSelects(new PostgresDialect(), MODELS);
        List<Case> cases = cases();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        Case each = cases.get((i * 7 + offset) % cases.size());
                        Select select = each.build().apply(1 + (i + offset) % 3);
                        assertSame(selects.render(select), select.render(new PostgresDialect(), MODELS), each.name());
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> each : done) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(selects.size()).isPositive();
    }

    @Test
    void aShapeSeenBeforeIsBoundNotRendered() {
        RenderedSelects selects = new RenderedSelects(new H2Dialect(), MODELS);
        SqlStatement first = selects.render(books(col(Book::getTitle).eq("a"), col("pages").in(1, 2)).limit(5L));
        SqlStatement second = selects.render(books(col(Book::getTitle).eq("b"), col("pages").in(3, 4)).limit(7L));

        assertThat(selects.renders()).isEqualTo(1);
        assertThat(second.sql()).isSameAs(first.sql());
        assertThat(second.values()).containsExactly("b", 3, 4, false, 7L);
    }

    @Test
    void shapesThatDifferAreRenderedEachOnce() {
        RenderedSelects selects = new RenderedSelects(new H2Dialect(), MODELS);
        for (int round = 0; round < 3; round++) {
            selects.render(books(col("pages").in(1)));
            selects.render(books(col("pages").in(1, 2)));
            selects.render(books(col("title").eq(null)));
            selects.render(books(col("title").eq("x")));
            selects.render(books(col("title").eq("x")).limit(1L));
            selects.renderCount(books(col("title").eq("x")).limit(1L));
        }

        assertThat(selects.renders()).isEqualTo(6);
        assertThat(selects.size()).isEqualTo(6);
    }

    @Test
    void aValueThatDoesNotFitItsColumnFailsAsRenderingFailsEveryTime() {
        RenderedSelects selects = new RenderedSelects(new H2Dialect(), MODELS);
        selects.render(books(col("pages").eq(1)));

        assertThatThrownBy(() -> selects.render(books(col("pages").eq("many")))).isInstanceOf(QuarryException.class)
                .hasMessageContaining("Value many (String) does not fit pages of Book, which is int");
        assertThat(selects.render(books(col("pages").eq(2L))).values()).containsExactly(2, false);
    }

    @Test
    void aNullThatNoCodecCanBindFailsAsRenderingFailsEveryTime() {
        RenderedSelects selects = new RenderedSelects(new H2Dialect(), MODELS);
        selects.render(books(sum(col("pages")).in(1, 2)));

        assertThatThrownBy(() -> selects.render(books(sum(col("pages")).in(Arrays.asList(1, null)))))
                .isInstanceOf(QuarryException.class).hasMessage("Cannot bind NULL to sum_pages; use isNull()");
        assertThat(selects.renders()).isEqualTo(1);
    }

    @Test
    void aCheckRendersAShapeOnceAndThenOnlyFailsAsBindingWould() {
        RenderedSelects selects = new RenderedSelects(new H2Dialect(), MODELS);
        selects.check(books(col("pages").eq(1)));
        selects.check(books(col("pages").eq(2L)));

        assertThatThrownBy(() -> selects.check(books(col("pages").eq("many")))).isInstanceOf(QuarryException.class)
                .hasMessageContaining("Value many (String) does not fit pages of Book, which is int");
        assertThatThrownBy(() -> selects.check(books(sum(col("pages")).in(Arrays.asList(1, null)))))
                .hasMessage("Cannot bind NULL to sum_pages; use isNull()");
        assertThatThrownBy(() -> selects.check(books(col("titel").eq("a")))).hasMessageContaining("titel");
        assertThat(selects.renders()).isEqualTo(3);
        assertThat(selects.render(books(col("pages").eq(3))).values()).containsExactly(3, false);
        assertThat(selects.renders()).isEqualTo(3);
    }

    @Test
    void aCheckOfConditionsAndOrderAddedToAStatementSharesTheShapeOfTheStatementWithThem() {
        RenderedSelects selects = new RenderedSelects(new H2Dialect(), MODELS);
        Select base = books(col("year").gt(1)).orderBy(List.of(col("year").asc()));
        List<Predicate> where = List.of(col("pages").eq(1), col("title").in("a", "b"));
        List<Order> orders = List.of(col("title").desc());
        selects.check(base, where, orders);

        SqlStatement whole = selects.render(base.where(where).orderBy(orders));

        assertThat(selects.renders()).isEqualTo(1);
        assertSame(whole, base.where(where).orderBy(orders).render(new H2Dialect(), MODELS), "the whole statement");
        selects.check(books(col("year").gt(2)).orderBy(List.of(col("year").asc())), List.of(col("pages").eq(3),
                col("title").in("c", "d")), orders);
        assertThat(selects.renders()).isEqualTo(1);
        Select deletedToo = base.includeDeleted(true);
        selects.check(deletedToo, where, orders);
        assertThat(selects.renders()).as("including deleted rows is another shape").isEqualTo(2);
    }

    @Test
    void anUnknownPropertyFailsEveryTimeAndIsNotKept() {
        RenderedSelects selects = new RenderedSelects(new H2Dialect(), MODELS);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> selects.render(books(col("titel").eq("a"))))
                    .hasMessageContaining("titel");
        }
        assertThat(selects.size()).isZero();
    }

    @Test
    void anExpressionOfAnotherPackageIsRenderedEveryTime() {
        RenderedSelects selects = new RenderedSelects(new H2Dialect(), MODELS);
        Predicate custom = context -> context.append("1 = 1");
        for (int i = 0; i < 3; i++) {
            assertThat(selects.render(books(custom, col("pages").eq(i))).values()).containsExactly(i, false);
        }
        assertThat(selects.renders()).isEqualTo(3);
        assertThat(selects.size()).isZero();
    }

    @Test
    void anyOverSoftDeletedElementsIsRenderedEveryTimeWithTheDeletedFlagBound() {
        RenderedSelects selects = new RenderedSelects(new H2Dialect(), MODELS);
        for (int i = 0; i < 3; i++) {
            Select select = Select.from(SHELVES).where(List.of(any(Shelf::getBooks, col("title").eq("a" + i))));
            assertThat(selects.render(select).values()).containsExactly("a" + i, false);
        }
        assertThat(selects.renders()).isEqualTo(3);
    }

    @Test
    void aStatementOfMoreValuesThanAKeptShapeMayHoldIsRenderedEachTime() {
        RenderedSelects selects = new RenderedSelects(new H2Dialect(), MODELS);
        // the soft-delete flag is the last value
        Select longest = books(col("pages").in(numbers(RenderedSelects.MAX_VALUES - 1)));
        Select tooLong = books(col("pages").in(numbers(RenderedSelects.MAX_VALUES)));
        for (int i = 0; i < 2; i++) {
            assertSame(selects.render(longest), longest.render(new H2Dialect(), MODELS), "longest kept");
            assertSame(selects.render(tooLong), tooLong.render(new H2Dialect(), MODELS), "too long");
        }
        assertThat(selects.size()).isEqualTo(1);
        assertThat(selects.renders()).isEqualTo(3);
    }

    @Test
    void keepsAtMostItsBoundOfShapesAndRendersTheRestEachTime() {
        RenderedSelects selects = new RenderedSelects(new H2Dialect(), MODELS, 2);
        for (int round = 0; round < 2; round++) {
            for (int size = 1; size <= 4; size++) {
                Select select = books(col("pages").in(numbers(size)));
                assertSame(selects.render(select), select.render(new H2Dialect(), MODELS), "size " + size);
            }
        }
        assertThat(selects.size()).isEqualTo(2);
        assertThat(selects.renders()).isEqualTo(6);
    }

    private static void assertSame(SqlStatement actual, SqlStatement expected, String what) {
        assertThat(actual.sql()).as(what).isEqualTo(expected.sql());
        assertThat(actual.values()).as(what).isEqualTo(expected.values());
        for (int i = 0; i < expected.bindings().size(); i++) {
            Binding binding = expected.bindings().get(i);
            if (binding instanceof ValueBinding value) {
                assertThat(actual.bindings().get(i)).as(what + " binding " + i).isEqualTo(value);
            } else {
                assertThat(actual.bindings().get(i)).as(what + " binding " + i).isSameAs(binding);
            }
        }
    }
}
