package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sort, Pageable, Page, Slice and Limit, static and run-time, and what a Sort may not smuggle in. */
@CrossDatabaseTest
class PagingAndSortingIT {

    @Entity
    @Table(name = "ps_host")
    record Host(@Id @GeneratedValue Long id, String hostname, int port, String rack, boolean active) {
    }

    interface HostRepository extends PagingAndSortingRepository<Host, Long> {
        Page<Host> findByActiveTrue(Pageable pageable);

        Slice<Host> findByRack(String rack, Pageable pageable);

        List<Host> findByRack(String rack, Sort sort);

        List<Host> findByRackOrderByPortDesc(Sort sort, String rack);

        List<Host> findByActive(boolean active, Pageable pageable);

        List<Host> findByActive(Limit limit, boolean active);

        Stream<Host> streamByActiveTrue(Pageable pageable);

        Page<Host> findTop5ByOrderByPortAsc(Pageable pageable);

        Page<Host> findFirst2ByOrderByPortAsc(Pageable pageable);

        Slice<Host> findFirst2ByRackOrderByPortAsc(String rack, Pageable pageable);

        Page<String> findDistinctRackBy(Pageable pageable);

        Host findFirstByRack(String rack, Sort sort);
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private HostRepository hosts;

    PagingAndSortingIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createHosts() {
        db.dropTablesQuietly("ps_host");
        Engine engine = Engine.create(db.dataSource());
        engine.createAll(Host.class);
        hosts = RepositoryFactory.of(engine.sessionFactory()).create(HostRepository.class);
        List<Host> all = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            all.add(new Host(null, "host-" + (char) ('a' + i - 1), 1000 + i, i <= 6 ? "r1" : i <= 10 ? "r2" : "r3",
                    i % 3 != 0));
        }
        hosts.saveAll(all);
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @AfterEach
    void dropHosts() {
        db.dropTablesQuietly("ps_host");
    }

    private static List<Integer> ports(Iterable<Host> found) {
        List<Integer> ports = new ArrayList<>();
        found.forEach(host -> ports.add(host.port()));
        return ports;
    }

    @Test
    void findAllSortsByOneOrSeveralProperties() {
        assertThat(ports(hosts.findAll(Sort.by("port").descending()))).startsWith(1012, 1011, 1010);
        List<Host> byRackThenPort = hosts.findAll(Sort.by("rack").descending().and(Sort.by("port")));
        assertThat(ports(byRackThenPort)).startsWith(1011, 1012, 1007, 1008, 1009, 1010, 1001);
    }

    @Test
    void findAllReadsAPageAndItsTotal() {
        Page<Host> page = hosts.findAll(PageRequest.of(1, 5, Sort.by("port")));

        assertThat(ports(page)).containsExactly(1006, 1007, 1008, 1009, 1010);
        assertThat(page.getTotalElements()).isEqualTo(12);
        assertThat(page.getTotalPages()).isEqualTo(3);
        assertThat(page.getNumber()).isEqualTo(1);
        assertThat(page.getSize()).isEqualTo(5);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.getSort()).isEqualTo(Sort.by("port"));
    }

    @Test
    void countsOnlyWhenThePageCannotTellTheTotal() {
        statements.clear();
        Page<Host> full = hosts.findByActiveTrue(PageRequest.of(0, 3, Sort.by("port")));
        assertThat(statements).hasSize(2);
        assertThat(statements.get(1)).startsWith("select count(*) from ps_host where active = ?");
        assertThat(full.getTotalElements()).isEqualTo(8);

        statements.clear();
        Page<Host> last = hosts.findByActiveTrue(PageRequest.of(2, 3, Sort.by("port")));
        assertThat(statements).hasSize(1);
        assertThat(last.getTotalElements()).isEqualTo(8);
        assertThat(last.getNumberOfElements()).isEqualTo(2);
        assertThat(last.isLast()).isTrue();

        statements.clear();
        Page<Host> all = hosts.findByActiveTrue(PageRequest.of(0, 20));
        assertThat(statements).hasSize(1);
        assertThat(all.getTotalPages()).isEqualTo(1);

        statements.clear();
        Page<Host> beyond = hosts.findByActiveTrue(PageRequest.of(5, 3));
        assertThat(statements).hasSize(2);
        assertThat(beyond.getContent()).isEmpty();
        assertThat(beyond.getTotalElements()).isEqualTo(8);
    }

    @Test
    void anUnpagedPageableReadsEverythingInOneStatement() {
        statements.clear();

        Page<Host> page = hosts.findByActiveTrue(Pageable.unpaged(Sort.by("port").descending()));

        assertThat(statements).hasSize(1);
        assertThat(ports(page)).hasSize(8).startsWith(1011, 1010);
        assertThat(page.getTotalPages()).isEqualTo(1);
    }

    @Test
    void aSliceReadsOneRowMoreThanItsSize() {
        statements.clear();

        Slice<Host> first = hosts.findByRack("r1", PageRequest.of(0, 4, Sort.by("port")));
        Slice<Host> second = hosts.findByRack("r1", first.nextPageable());

        assertThat(ports(first)).containsExactly(1001, 1002, 1003, 1004);
        assertThat(first.hasNext()).isTrue();
        assertThat(ports(second)).containsExactly(1005, 1006);
        assertThat(second.hasNext()).isFalse();
        assertThat(statements).hasSize(2).allMatch(sql -> !sql.contains("count("));
    }

    @Test
    void aSortParameterOrdersDerivedQueries() {
        assertThat(ports(hosts.findByRack("r2", Sort.by("port").descending()))).containsExactly(1010, 1009, 1008, 1007);
        assertThat(ports(hosts.findByRack("r2", Sort.unsorted()))).hasSize(4);
        assertThat(ports(hosts.findByRack("r2", (Sort) null))).hasSize(4);
    }

    @Test
    void aRunTimeSortComesAfterTheStaticOrderBy() {
        statements.clear();

        hosts.findByRackOrderByPortDesc(Sort.by("hostname"), "r1");

        assertThat(statements).singleElement().asString().endsWith("order by port desc, hostname asc");
    }

    @Test
    void aSortOrderCanIgnoreCaseAndPlaceNulls() {
        List<Host> sorted = hosts.findAll(Sort.by(Sort.Order.desc("hostname").ignoreCase().nullsLast()));

        assertThat(sorted.get(0).hostname()).isEqualTo("host-l");
    }

    @Test
    void aPageableLimitsAList() {
        assertThat(ports(hosts.findByActive(true, PageRequest.of(1, 3, Sort.by("port"))))).containsExactly(1005, 1007,
                1008);
        assertThat(hosts.findByActive(true, Pageable.unpaged())).hasSize(8);
    }

    @Test
    void aLimitParameterLimitsTheRows() {
        statements.clear();

        assertThat(hosts.findByActive(Limit.of(2), true)).hasSize(2);
        assertThat(hosts.findByActive(Limit.unlimited(), true)).hasSize(8);
        assertThat(hosts.findByActive(Limit.of(0), true)).isEmpty();
        assertThat(statements.get(0)).endsWith("limit ?");
        assertThat(statements.get(1)).doesNotContain("limit");
    }

    @Test
    void aPageableLimitsAStream() {
        try (Stream<Host> stream = hosts.streamByActiveTrue(PageRequest.of(0, 2, Sort.by("port")))) {
            assertThat(stream.map(Host::port)).containsExactly(1001, 1002);
        }
    }

    @Test
    void topCapsEachPageAndThePagesOffsetStillApplies() {
        Page<Host> second = hosts.findFirst2ByOrderByPortAsc(PageRequest.of(1, 3));

        assertThat(ports(second)).as("at most 2 rows, from the page's offset 3").containsExactly(1004, 1005);
        assertThat(second.getTotalElements()).as("every matching row, as Spring Data counts").isEqualTo(12);
        assertThat(second.getSize()).isEqualTo(3);
        assertThat(statements).as("the page and its count: a capped page does not tell the total").hasSize(2);
    }

    @Test
    void topLargerThanThePageLeavesThePageSizeInCharge() {
        Page<Host> second = hosts.findTop5ByOrderByPortAsc(PageRequest.of(1, 3));

        assertThat(ports(second)).containsExactly(1004, 1005, 1006);
        assertThat(second.getTotalElements()).isEqualTo(12);
        Page<Host> last = hosts.findTop5ByOrderByPortAsc(PageRequest.of(3, 3));
        assertThat(ports(last)).containsExactly(1010, 1011, 1012);
        assertThat(last.isLast()).isTrue();
    }

    @Test
    void topCapsEachSliceAndTellsWhetherMoreFollow() {
        Slice<Host> first = hosts.findFirst2ByRackOrderByPortAsc("r1", PageRequest.of(0, 3));
        Slice<Host> last = hosts.findFirst2ByRackOrderByPortAsc("r1", PageRequest.of(1, 3));

        assertThat(ports(first)).containsExactly(1001, 1002);
        assertThat(first.hasNext()).isTrue();
        assertThat(ports(last)).as("offset 3 of rack r1's six hosts").containsExactly(1004, 1005);
        assertThat(last.hasNext()).as("a third row at offset 5").isTrue();
        assertThat(ports(hosts.findFirst2ByRackOrderByPortAsc("r3", PageRequest.of(0, 3)))).containsExactly(1011, 1012);
        assertThat(hosts.findFirst2ByRackOrderByPortAsc("r3", PageRequest.of(0, 3)).hasNext()).isFalse();
    }

    @Test
    void topLimitsAnUnpagedPageable() {
        Page<Host> all = hosts.findTop5ByOrderByPortAsc(Pageable.unpaged());

        assertThat(ports(all)).containsExactly(1001, 1002, 1003, 1004, 1005);
        assertThat(all.getTotalElements()).isEqualTo(5);
        assertThat(all.getTotalPages()).isEqualTo(1);
    }

    @Test
    void pagesOfDistinctValuesCountDistinctValues() {
        Page<String> racks = hosts.findDistinctRackBy(PageRequest.of(0, 2, Sort.by("rack")));

        assertThat(racks.getContent()).containsExactly("r1", "r2");
        assertThat(racks.getTotalElements()).isEqualTo(3);
    }

    @Test
    void aSortParameterOrdersASingleResult() {
        assertThat(hosts.findFirstByRack("r3", Sort.by("port").descending()).port()).isEqualTo(1012);
    }

    @Test
    void rejectsSortPropertiesThatAreNotPropertiesBeforeSendingSql() {
        statements.clear();

        assertThatThrownBy(() -> hosts.findAll(Sort.by("port desc")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("HostRepository.findAll: cannot sort Host by 'port desc': it is not a property; properties: "
                        + "id, hostname, port, rack, active. A Sort takes property names only; give the direction with "
                        + "Sort.by(Sort.Direction.DESC, \"port\")");
        assertThatThrownBy(() -> hosts.findAll(Sort.by("port; drop table ps_host")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("cannot sort Host by 'port; drop table ps_host': it is not a property");
        assertThatThrownBy(() -> hosts.findByRack("r1", Sort.by("length(hostname)")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("cannot sort Host by 'length(hostname)'");
        assertThatThrownBy(() -> hosts.findAll(PageRequest.of(0, 5, Sort.by("hostnmae"))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("cannot sort Host by 'hostnmae': it is not a property; did you mean 'hostname'?");
        assertThatThrownBy(() -> hosts.findAll(Sort.by(Sort.Order.asc("port").ignoreCase())))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("HostRepository.findAll: cannot sort by 'port' ignoring case: it is int, not String");

        assertThat(statements).isEmpty();
        assertThat(hosts.count()).isEqualTo(12);
    }

    @Test
    void rejectsANullPageable() {
        assertThatThrownBy(() -> hosts.findByActiveTrue(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("HostRepository.findByActiveTrue: the Pageable is null; pass Pageable.unpaged() to read every row");
    }
}
