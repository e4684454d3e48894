package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A derived query has one statement per call shape (which nullable arguments are null, how long
 * each In list is); every argument that changes the SQL must change the shape, wherever it stands
 * in the parameter list, or a later call would run the statement of an earlier one. Also: method
 * names whose property ends in a keyword.
 */
@CrossDatabaseTest
class DerivedQueryCallShapeIT {

    /** The most values an In argument may have (ArgumentPlan's limit). */
    private static final int MAX_IN = 53 * 1024;

    @Entity
    @Table(name = "dqs_order")
    record Order(@Id Long id, String customer, Integer rack, String region, int port, Long orderNumber,
            boolean isActive, String notes) {
    }

    interface OrderRepository extends CrudRepository<Order, Long> {
        List<Order> findByCustomerAndRackOrderByIdAsc(String customer, Integer rack);

        List<Order> findByPortAndRackAndRegionOrderByIdAsc(int port, Integer rack, String region);

        List<Order> findByCustomerAndPortInOrderByIdAsc(String customer, Collection<Integer> ports);

        List<Order> findByRegionAndRackInAndPortInOrderByIdAsc(String region, Collection<Integer> racks,
                Collection<Integer> ports);

        List<Order> findByPortIn(Collection<Integer> ports);

        List<Order> findByOrderNumberIn(Collection<Long> orderNumbers);

        List<Order> findByIsActiveTrue();

        List<Order> findByIsActiveFalse();

        List<Order> findByNotesNot(String notes);
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private OrderRepository orders;

    DerivedQueryCallShapeIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createOrders() {
        db.dropTablesQuietly("dqs_order");
        Engine engine = Engine.create(db.dataSource());
        engine.createAll(Order.class);
        orders = RepositoryFactory.of(engine.sessionFactory()).create(OrderRepository.class);
        orders.saveAll(List.of(
                new Order(1L, "acme", 1, "eu", 80, 1001L, true, "rush"),
                new Order(2L, "acme", null, "eu", 80, 1002L, false, null),
                new Order(3L, "acme", 2, null, 443, 1003L, true, "gift"),
                new Order(4L, "zeta", null, null, 443, 1004L, false, "rush"),
                new Order(5L, "zeta", 1, "us", 22, 2001L, true, null)));
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @AfterEach
    void dropOrders() {
        db.dropTablesQuietly("dqs_order");
    }

    private static List<Long> ids(List<Order> found) {
        return found.stream().map(Order::id).toList();
    }

    /** Runs {@code call} and returns the one statement it sent. */
    private String sqlOf(Runnable call) {
        statements.clear();
        call.run();
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

    // ---- a null in the second or a later nullable equality parameter

    @Test
    void aNullSecondArgumentAndAValueInItsPlaceEachGetTheirOwnStatement() {
        for (int round = 0; round < 2; round++) {
            assertThat(ids(orders.findByCustomerAndRackOrderByIdAsc("acme", null))).containsExactly(2L);
            assertThat(ids(orders.findByCustomerAndRackOrderByIdAsc("acme", 1))).containsExactly(1L);
            assertThat(ids(orders.findByCustomerAndRackOrderByIdAsc("zeta", null))).containsExactly(4L);
            assertThat(ids(orders.findByCustomerAndRackOrderByIdAsc(null, 1))).isEmpty();
        }

        assertThat(sqlOf(() -> orders.findByCustomerAndRackOrderByIdAsc("acme", null)))
                .contains("where (customer = ? and rack is null)");
        assertThat(sqlOf(() -> orders.findByCustomerAndRackOrderByIdAsc("acme", 2)))
                .contains("where (customer = ? and rack = ?)");
        assertThat(sqlOf(() -> orders.findByCustomerAndRackOrderByIdAsc(null, null)))
                .contains("where (customer is null and rack is null)");
    }

    @Test
    void everyCombinationOfNullsInLaterParametersFindsItsOwnRows() {
        for (int round = 0; round < 2; round++) {
            assertThat(ids(orders.findByPortAndRackAndRegionOrderByIdAsc(80, null, null))).isEmpty();
            assertThat(ids(orders.findByPortAndRackAndRegionOrderByIdAsc(80, null, "eu"))).containsExactly(2L);
            assertThat(ids(orders.findByPortAndRackAndRegionOrderByIdAsc(80, 1, null))).isEmpty();
            assertThat(ids(orders.findByPortAndRackAndRegionOrderByIdAsc(80, 1, "eu"))).containsExactly(1L);
            assertThat(ids(orders.findByPortAndRackAndRegionOrderByIdAsc(443, null, null))).containsExactly(4L);
            assertThat(ids(orders.findByPortAndRackAndRegionOrderByIdAsc(443, 2, null))).containsExactly(3L);
        }

        assertThat(sqlOf(() -> orders.findByPortAndRackAndRegionOrderByIdAsc(80, 1, null)))
                .contains("where (port = ? and rack = ? and region is null)");
        assertThat(sqlOf(() -> orders.findByPortAndRackAndRegionOrderByIdAsc(80, null, "eu")))
                .contains("where (port = ? and rack is null and region = ?)");
    }

    // ---- an In list that is not the first parameter

    @Test
    void anInListAfterAnotherParameterGetsAStatementPerListSize() {
        for (int round = 0; round < 2; round++) {
            assertThat(ids(orders.findByCustomerAndPortInOrderByIdAsc("acme", List.of(443)))).containsExactly(3L);
            assertThat(ids(orders.findByCustomerAndPortInOrderByIdAsc("acme", List.of(80, 443, 22)))).containsExactly(1L, 2L, 3L);
            assertThat(ids(orders.findByCustomerAndPortInOrderByIdAsc("zeta", List.of(22, 443)))).containsExactly(4L, 5L);
            assertThat(ids(orders.findByCustomerAndPortInOrderByIdAsc("zeta", List.of()))).isEmpty();
            assertThat(ids(orders.findByCustomerAndPortInOrderByIdAsc("acme", List.of(1, 2, 3, 4, 80)))).containsExactly(1L, 2L);
        }

        assertThat(sqlOf(() -> orders.findByCustomerAndPortInOrderByIdAsc("acme", List.of(443)))).contains("port in (?)");
        assertThat(sqlOf(() -> orders.findByCustomerAndPortInOrderByIdAsc("acme", List.of(80, 443, 22))))
                .contains("port in (?, ?, ?, ?)");
        assertThat(sqlOf(() -> orders.findByCustomerAndPortInOrderByIdAsc("acme", List.of(1, 2, 3, 4, 80))))
                .contains("port in (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    @Test
    void twoInListsKeepTheirSizesApart() {
        for (int round = 0; round < 2; round++) {
            assertThat(ids(orders.findByRegionAndRackInAndPortInOrderByIdAsc("eu", List.of(1), List.of(80, 443, 22))))
                    .containsExactly(1L);
            assertThat(ids(orders.findByRegionAndRackInAndPortInOrderByIdAsc("eu", List.of(1, 2, 3), List.of(80))))
                    .containsExactly(1L);
            assertThat(ids(orders.findByRegionAndRackInAndPortInOrderByIdAsc("us", List.of(7, 1), List.of(22, 80))))
                    .containsExactly(5L);
        }

        assertThat(sqlOf(() -> orders.findByRegionAndRackInAndPortInOrderByIdAsc("eu", List.of(1), List.of(80, 443, 22))))
                .contains("rack in (?)").contains("port in (?, ?, ?, ?)");
        assertThat(sqlOf(() -> orders.findByRegionAndRackInAndPortInOrderByIdAsc("eu", List.of(1, 2, 3), List.of(80))))
                .contains("rack in (?, ?, ?, ?)").contains("port in (?)");
    }

    // ---- the largest In list

    @Test
    void refusesAnInListLongerThanOneStatementTakesBeforeSendingSql() {
        List<Integer> tooMany = IntStream.rangeClosed(1, MAX_IN + 1).boxed().collect(Collectors.toList());
        statements.clear();

        assertThatThrownBy(() -> orders.findByPortIn(tooMany))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("OrderRepository.findByPortIn: argument 1 (ports) for In in 'PortIn' has " + (MAX_IN + 1)
                        + " values, more than the " + MAX_IN + " one statement takes; split the list or use a @Query with"
                        + " a join");
        assertThat(statements).isEmpty();
    }

    @Test
    void acceptsAnInListOfExactlyTheLimit() {
        List<Integer> limit = IntStream.rangeClosed(1, MAX_IN).boxed().collect(Collectors.toList());

        Throwable failure = catchThrowable(() -> orders.findByPortIn(limit));

        // the list is not refused by the method; a database may still refuse that many parameters
        if (failure != null) {
            assertThat(failure).hasMessageNotContaining("one statement takes");
        } else {
            assertThat(ids(orders.findByPortIn(limit))).contains(5L);
        }
    }

    // ---- properties whose names end in a keyword

    @Test
    void aPropertyNamedOrderSomethingIsNotTakenForOrderBy() {
        assertThat(ids(orders.findByOrderNumberIn(List.of(1001L, 2001L, 9L)))).containsExactlyInAnyOrder(1L, 5L);
        assertThat(sqlOf(() -> orders.findByOrderNumberIn(List.of(1003L)))).contains("where order_number in (?)");
    }

    @Test
    void aBooleanPropertyNamedIsSomethingTakesTrueAndFalse() {
        assertThat(ids(orders.findByIsActiveTrue())).containsExactlyInAnyOrder(1L, 3L, 5L);
        assertThat(ids(orders.findByIsActiveFalse())).containsExactlyInAnyOrder(2L, 4L);
        assertThat(sqlOf(() -> orders.findByIsActiveTrue())).contains("where is_active = ?");
    }

    @Test
    void aPropertyStartingWithNotTakesNot() {
        assertThat(ids(orders.findByNotesNot("rush"))).containsExactlyInAnyOrder(3L);
        assertThat(ids(orders.findByNotesNot(null))).containsExactlyInAnyOrder(1L, 3L, 4L);
        assertThat(sqlOf(() -> orders.findByNotesNot("gift"))).contains("where notes <> ?");
    }
}
