package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryDescription;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Collection and array arguments of {@code @Query} SQL: one placeholder per value, padded to the size
 * buckets of derived In queries, each bucket's statement rendered once; on PostgreSQL and H2 one SQL
 * array where the SQL passes the parameter to {@code any}, {@code all} or {@code unnest}.
 */
@CrossDatabaseTest
class NativeQueryCollectionIT {

    enum Direction { NORTH, SOUTH, EAST, WEST }

    @Entity
    @Table(name = "nqc_route")
    record Route(@Id Long id, String name, Direction direction, UUID ref, LocalDate departs, int hops) {
    }

    interface RouteRepository extends CrudRepository<Route, Long> {
        @Query("select * from nqc_route where direction in (:directions) order by id")
        List<Route> byDirections(Collection<Direction> directions);

        @Query("select * from nqc_route where direction not in (:directions) order by id")
        List<Route> notInDirections(List<Direction> directions);

        @Query("select * from nqc_route where id in (:ids) order by id")
        List<Route> byIds(long[] ids);

        @Query("select * from nqc_route where hops in (?1) order by id")
        List<Route> byHops(int... hops);

        @Query("select * from nqc_route where ref in (:refs) order by id")
        List<Route> byRefs(Set<UUID> refs);

        @Query("select * from nqc_route where id in :ids and name <> :name order by id")
        List<Route> bareInExcept(List<Long> ids, String name);

        @Query("select count(*) from nqc_route where id in (:ids) or ref in (:refs)")
        long countEither(List<Long> ids, List<UUID> refs);

        @Query(value = "select * from nqc_route where departs in (:days) order by id",
                countQuery = "select count(*) from nqc_route where departs in (:days)")
        Page<Route> pageByDays(List<LocalDate> days, Pageable pageable);

        @Modifying
        @Query("update nqc_route set hops = :hops where id in (:ids)")
        int setHops(int hops, Collection<Long> ids);
    }

    /** Arrays: PostgreSQL and H2 only. */
    interface ArrayRouteRepository extends Repository<Route, Long> {
        @Query("select * from nqc_route where id = any(:ids) order by id")
        List<Route> anyIds(long[] ids);

        @Query("select * from nqc_route where direction = any(:directions) order by id")
        List<Route> anyDirections(List<Direction> directions);

        @Query("select * from nqc_route where ref = any(:refs) order by id")
        List<Route> anyRefs(UUID[] refs);

        @Query("select * from nqc_route where id <> all(:ids) order by id")
        List<Route> allBut(List<Long> ids);

        @Query("select count(*) from nqc_route where hops = any(:hops)")
        long countAnyHops(int[] hops);
    }

    private static final UUID REF_1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID REF_2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private RepositoryFactory factory;
    private RouteRepository routes;

    NativeQueryCollectionIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createRoutes() {
        db.dropTablesQuietly("nqc_route");
        Engine engine = Engine.create(db.dataSource());
        engine.createAll(Route.class);
        factory = RepositoryFactory.of(engine.sessionFactory());
        routes = factory.create(RouteRepository.class);
        routes.saveAll(List.of(
                new Route(1L, "a", Direction.NORTH, REF_1, MONDAY, 1),
                new Route(2L, "b", Direction.SOUTH, REF_2, MONDAY, 2),
                new Route(3L, "c", Direction.EAST, null, MONDAY.plusDays(1), 3),
                new Route(4L, "d", Direction.WEST, null, MONDAY.plusDays(2), 4),
                new Route(5L, "e", Direction.NORTH, null, MONDAY.plusDays(2), 5)));
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @AfterEach
    void dropRoutes() {
        db.dropTablesQuietly("nqc_route");
    }

    private static List<Long> ids(List<Route> found) {
        return found.stream().map(Route::id).toList();
    }

    private List<String> sqlOf(Runnable call) {
        statements.clear();
        call.run();
        return List.copyOf(statements);
    }

    private List<String> described(Object repository, String signature) {
        RepositoryDescription description = RepositoryFactory.describe(repository);
        return description.methods().stream().filter(method -> method.signature().equals(signature)).findFirst()
                .orElseThrow().sql();
    }

    @Test
    void expandsACollectionOfEnumsIntoOnePlaceholderPerValuePaddedToItsBucket() {
        assertThat(sqlOf(() -> assertThat(ids(routes.byDirections(List.of(Direction.NORTH, Direction.EAST,
                Direction.WEST)))).containsExactly(1L, 3L, 4L, 5L)))
                .containsExactly("select * from nqc_route where direction in (?, ?, ?, ?) order by id");
        assertThat(sqlOf(() -> assertThat(ids(routes.byDirections(Set.of(Direction.SOUTH)))).containsExactly(2L)))
                .containsExactly("select * from nqc_route where direction in (?) order by id");
        assertThat(sqlOf(() -> routes.byDirections(List.of(Direction.SOUTH, Direction.EAST))))
                .containsExactly("select * from nqc_route where direction in (?, ?) order by id");
    }

    @Test
    void rendersEachBucketOnceAndReusesItsStatementForEverySizeInIt() {
        assertThat(described(routes, "byDirections(Collection)")).as("rendered at start-up: one value")
                .containsExactly("select * from nqc_route where direction in (?) order by id");

        List<String> sent = new ArrayList<>();
        for (int size = 3; size <= 4; size++) {
            sent.addAll(sqlOf(() -> routes.byIds(LongStream.rangeClosed(1, 3).toArray())));
            sent.addAll(sqlOf(() -> routes.byIds(LongStream.rangeClosed(1, 4).toArray())));
        }
        assertThat(sent).containsOnly("select * from nqc_route where id in (?, ?, ?, ?) order by id").hasSize(4);
        assertThat(described(routes, "byIds(long[])")).containsExactly(
                "select * from nqc_route where id in (?) order by id",
                "select * from nqc_route where id in (?, ?, ?, ?) order by id");

        routes.byIds(LongStream.rangeClosed(1, 5).toArray());
        routes.byIds(LongStream.rangeClosed(1, 8).toArray());
        assertThat(described(routes, "byIds(long[])")).as("5 and 8 values share the bucket of 8").hasSize(3)
                .last().isEqualTo("select * from nqc_route where id in (?, ?, ?, ?, ?, ?, ?, ?) order by id");
    }

    @Test
    void bindsArraysOfPrimitivesUuidsAndDatesThroughTheirCodecs() {
        assertThat(ids(routes.byIds(new long[] {5, 2, 99}))).containsExactly(2L, 5L);
        assertThat(ids(routes.byHops(2, 3))).containsExactly(2L, 3L);
        assertThat(ids(routes.byHops())).isEmpty();
        assertThat(ids(routes.byRefs(Set.of(REF_2)))).containsExactly(2L);
        Page<Route> page = routes.pageByDays(List.of(MONDAY, MONDAY.plusDays(2)), PageRequest.of(1, 2));
        assertThat(ids(page.getContent())).containsExactly(4L, 5L);
        assertThat(page.getTotalElements()).isEqualTo(4);
    }

    @Test
    void writesAListAfterABareInInParenthesesAndKeepsTheScalarsAroundIt() {
        assertThat(sqlOf(() -> assertThat(ids(routes.bareInExcept(List.of(1L, 2L, 3L), "b"))).containsExactly(1L, 3L)))
                .containsExactly("select * from nqc_route where id in (?, ?, ?, ?) and name <> ? order by id");
        assertThat(sqlOf(() -> assertThat(ids(routes.bareInExcept(List.of(), "b"))).isEmpty()))
                .containsExactly("select * from nqc_route where id in (null) and name <> ? order by id");
    }

    @Test
    void givesEachListItsOwnBucketInTheCallShape() {
        assertThat(routes.countEither(List.of(3L), List.of(REF_1, REF_2))).isEqualTo(3);
        assertThat(routes.countEither(List.of(3L, 4L, 5L), List.of(REF_1))).isEqualTo(4);
        assertThat(sqlOf(() -> routes.countEither(List.of(1L, 2L), List.of())))
                .containsExactly("select count(*) from nqc_route where id in (?, ?) or ref in (null)");
    }

    @Test
    void anEmptyCollectionOrNullIsInNullWhichNoRowMatchesNotEvenWithNotIn() {
        assertThat(sqlOf(() -> assertThat(routes.byDirections(List.of())).isEmpty()))
                .containsExactly("select * from nqc_route where direction in (null) order by id");
        assertThat(routes.byDirections(null)).isEmpty();
        assertThat(routes.byIds(new long[0])).isEmpty();
        assertThat(routes.notInDirections(List.of())).as("x not in (null) is unknown, as in Hibernate").isEmpty();
        assertThat(routes.notInDirections(null)).isEmpty();
        assertThat(ids(routes.notInDirections(List.of(Direction.NORTH)))).containsExactly(2L, 3L, 4L);
    }

    @Test
    void aNullElementIsBoundAsNullAndMatchesNothing() {
        assertThat(ids(routes.byDirections(java.util.Arrays.asList(Direction.SOUTH, null)))).containsExactly(2L);
        assertThat(ids(routes.byDirections(java.util.Arrays.asList(null, Direction.SOUTH)))).containsExactly(2L);
    }

    @Test
    void aModifyingQueryExpandsItsCollectionToo() {
        assertThat(routes.setHops(9, List.of(1L, 2L, 3L))).isEqualTo(3);
        assertThat(routes.findAll()).filteredOn(route -> route.hops() == 9).extracting(Route::id)
                .containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(routes.setHops(7, List.of())).isZero();
    }

    @Test
    void refusesMoreValuesThanTheDatabaseTakesBeforeSendingAnything() {
        statements.clear();
        if (db.name().equals("mysql")) {
            // MySQL takes 65,535 parameters, more than the largest bucket
            assertThatThrownBy(() -> routes.byIds(LongStream.rangeClosed(1, 54_273).toArray()))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("RouteRepository.byIds: parameter 1 'ids' has 54273 values, more than the 54272 one "
                            + "statement takes; split the list, or bind it as one array (= any(:name)) where the "
                            + "database has arrays");
        } else {
            assertThatThrownBy(() -> routes.byIds(LongStream.rangeClosed(1, 32_768).toArray()))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessage("RouteRepository.byIds: the call binds 32768 parameters, more than " + db.name()
                            + " accepts (32767); pass fewer values, or bind the collection as one array: = any(:name)");
        }
        assertThat(statements).isEmpty();
        assertThat(routes.byIds(LongStream.rangeClosed(1, 20_000).toArray())).hasSize(5);
    }

    // ---- SQL arrays

    @Test
    void bindsOneSqlArrayWhereTheSqlPassesTheParameterToAnyAllOrUnnest() {
        if (db.name().equals("mysql")) {
            assertThatThrownBy(() -> factory.create(ArrayRouteRepository.class))
                    .hasMessageContaining("ArrayRouteRepository.anyIds")
                    .hasMessageContaining("parameter 1 'ids' is the only argument of any, all, some or unnest, which "
                            + "take one SQL array, but " + (db.isMariaDb() ? "mariadb" : "mysql") + " has no arrays; "
                            + "write in (:ids), which binds one placeholder "
                            + "per value");
            return;
        }
        ArrayRouteRepository arrays = factory.create(ArrayRouteRepository.class);
        assertThat(sqlOf(() -> assertThat(ids(arrays.anyIds(new long[] {4, 1}))).containsExactly(1L, 4L)))
                .containsExactly("select * from nqc_route where id = any(?) order by id");
        assertThat(ids(arrays.anyDirections(List.of(Direction.NORTH, Direction.WEST)))).containsExactly(1L, 4L, 5L);
        assertThat(ids(arrays.anyRefs(new UUID[] {REF_1}))).containsExactly(1L);
        assertThat(ids(arrays.allBut(List.of(1L, 2L)))).containsExactly(3L, 4L, 5L);
        assertThat(arrays.countAnyHops(new int[] {1, 5})).isEqualTo(2);
        assertThat(arrays.anyIds(new long[0])).as("= any of an empty array").isEmpty();
        assertThat(ids(arrays.allBut(List.of()))).as("<> all of an empty array holds").hasSize(5);
        assertThat(arrays.anyIds(null)).as("= any(NULL)").isEmpty();
    }

    @Test
    void aHugeListBoundAsAnArrayIsOneParameter() {
        if (db.name().equals("mysql")) {
            return;
        }
        ArrayRouteRepository arrays = factory.create(ArrayRouteRepository.class);
        // H2 caps arrays at 65,536 elements
        long[] ids = LongStream.rangeClosed(1, db.name().equals("h2") ? 60_000 : 100_000).toArray();
        assertThat(sqlOf(() -> assertThat(ids(arrays.anyIds(ids))).hasSize(5)))
                .containsExactly("select * from nqc_route where id = any(?) order by id");
    }
}
