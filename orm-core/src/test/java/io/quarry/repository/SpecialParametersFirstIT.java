package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sort, Pageable, Limit and Class parameters are recognised wherever they stand, the first position
 * included (Spring Data takes them anywhere): the query binds the other arguments, applies them, and
 * the start-up checks that involve them work the same with them first.
 */
@CrossDatabaseTest
class SpecialParametersFirstIT {

    @Entity
    @Table(name = "spf_item")
    record Item(@Id Long id, String rack, int port) {
    }

    record ItemPort(int port) {
    }

    interface ItemRepository extends CrudRepository<Item, Long> {
        List<Item> findByRack(Sort sort, String rack);

        Page<Item> findByRack(Pageable pageable, String rack);

        Slice<Item> findByPortGreaterThan(Pageable pageable, int port);

        List<Item> findByPortLessThan(Limit limit, int port);

        <P> List<P> findByRackOrderByIdAsc(Class<P> type, String rack);
    }

    interface SortedCountFirst extends Repository<Item, Long> {
        long countByRack(Sort sort, String rack);
    }

    interface ClassForDeleteFirst extends Repository<Item, Long> {
        long deleteByRack(Class<?> type, String rack);
    }

    interface PagedSingleFirst extends Repository<Item, Long> {
        Item findByRack(Pageable pageable, String rack);
    }

    interface LimitedSingleFirst extends Repository<Item, Long> {
        Item findByRack(Limit limit, String rack);
    }

    interface TopAndLimitFirst extends Repository<Item, Long> {
        List<Item> findTop2ByRack(Limit limit, String rack);
    }

    interface ClassFirstWithoutTypeVariable extends Repository<Item, Long> {
        List<Item> findByRack(Class<?> type, String rack);
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Engine engine;
    private ItemRepository items;

    SpecialParametersFirstIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createItems() {
        db.dropTablesQuietly("spf_item");
        engine = Engine.create(db.dataSource());
        engine.createAll(Item.class);
        items = RepositoryFactory.of(engine.sessionFactory()).create(ItemRepository.class);
        items.saveAll(List.of(new Item(1L, "r1", 22), new Item(2L, "r1", 80), new Item(3L, "r1", 443),
                new Item(4L, "r2", 8080)));
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @AfterEach
    void dropItems() {
        db.dropTablesQuietly("spf_item");
    }

    private static List<Long> ids(Iterable<Item> found) {
        List<Long> ids = new java.util.ArrayList<>();
        found.forEach(item -> ids.add(item.id()));
        return ids;
    }

    @Test
    void aSortInFirstPlaceOrdersTheRowsOfTheOtherArgument() {
        assertThat(ids(items.findByRack(Sort.by(Sort.Direction.DESC, "port"), "r1"))).as("on %s", db)
                .containsExactly(3L, 2L, 1L);
        assertThat(ids(items.findByRack(Sort.by("port"), "r2"))).containsExactly(4L);
    }

    @Test
    void aPageableInFirstPlacePagesAndCountsTheRowsOfTheOtherArgument() {
        Page<Item> second = items.findByRack(PageRequest.of(1, 2, Sort.by("id")), "r1");

        assertThat(ids(second.getContent())).as("on %s", db).containsExactly(3L);
        assertThat(second.getTotalElements()).isEqualTo(3);
        Slice<Item> first = items.findByPortGreaterThan(PageRequest.of(0, 2, Sort.by("port")), 22);
        assertThat(ids(first.getContent())).containsExactly(2L, 3L);
        assertThat(first.hasNext()).isTrue();
    }

    @Test
    void aLimitInFirstPlaceCapsTheRowsOfTheOtherArgument() {
        statements.clear();
        assertThat(items.findByPortLessThan(Limit.of(2), 10000)).as("on %s", db).hasSize(2);
        assertThat(items.findByPortLessThan(Limit.of(3), 100)).hasSize(2);
        assertThat(items.findByPortLessThan(Limit.unlimited(), 10000)).hasSize(4);
        assertThat(statements).hasSize(3);
    }

    @Test
    void aClassInFirstPlaceProjectsTheRowsOfTheOtherArgument() {
        assertThat(items.findByRackOrderByIdAsc(ItemPort.class, "r1")).as("on %s", db)
                .containsExactly(new ItemPort(22), new ItemPort(80), new ItemPort(443));
        assertThat(items.findByRackOrderByIdAsc(Item.class, "r2")).containsExactly(new Item(4L, "r2", 8080));
    }

    private void rejects(Class<?> repository, String method, String reason) {
        assertThatThrownBy(() -> RepositoryFactory.of(engine.sessionFactory()).create(repository))
                .as("on %s", db)
                .isInstanceOf(QueryCreationException.class)
                .hasMessage("Cannot create query for method [" + repository.getSimpleName() + "." + method + "]; "
                        + reason);
    }

    @Test
    void theStartUpChecksOfSpecialParametersHoldWithThemInFirstPlace() {
        rejects(SortedCountFirst.class, "countByRack", "Sort, Pageable, Limit and Class parameters apply to find "
                + "queries only; remove them");
        rejects(ClassForDeleteFirst.class, "deleteByRack", "Sort, Pageable, Limit and Class parameters apply to find "
                + "queries only; remove them");
        rejects(PagedSingleFirst.class, "findByRack", "it returns one row (Item), so a Pageable or Limit parameter "
                + "makes no sense; return a List, Page or Slice");
        rejects(LimitedSingleFirst.class, "findByRack", "it returns one row (Item), so a Pageable or Limit parameter "
                + "makes no sense; return a List, Page or Slice");
        rejects(TopAndLimitFirst.class, "findTop2ByRack", "Top/First2 and a Limit parameter both limit the rows; keep "
                + "one of them");
        rejects(ClassFirstWithoutTypeVariable.class, "findByRack", "it takes a Class parameter but its result is not "
                + "a type variable; declare <P> List<P> findBy...(..., Class<P> type)");
    }
}
