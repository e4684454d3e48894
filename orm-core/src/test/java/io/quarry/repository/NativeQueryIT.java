package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.NonUniqueResultException;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-written SQL: parameters, result mapping, paging and modifying queries. */
@CrossDatabaseTest
class NativeQueryIT {

    @Entity
    @Table(name = "nq_host")
    record Host(@Id @GeneratedValue Long id, String hostname, int port, @Column(name = "ip_addr") String ipAddress) {
    }

    record HostSummary(String hostname, int port) {
    }

    record PortCount(int port, long total) {
    }

    interface AddressView {
        String getHostname();

        String getIpAddress();
    }

    interface HostRepository extends CrudRepository<Host, Long> {
        @Query("select * from nq_host where hostname like :pattern order by port")
        List<Host> search(String pattern);

        @Query("select * from nq_host where port = :p order by hostname")
        List<Host> byPort(@Param("p") int port);

        @Query("select * from nq_host where port between ?1 and ?2 order by port, hostname")
        List<Host> between(int low, int high);

        @Query("select * from nq_host where hostname = :name or ip_addr = :name")
        List<Host> byNameOrAddress(String name);

        @Query("select ip_addr, port, hostname, id from nq_host where id = :id")
        Optional<Host> load(long id);

        @Query("select * from nq_host where port = :port")
        Host onePort(int port);

        @Query("select hostname, port from nq_host order by port, hostname")
        List<HostSummary> summaries();

        @Query("select port, count(*) as total from nq_host group by port order by port")
        List<PortCount> portCounts();

        @Query("select hostname, ip_addr from nq_host where port = :port order by hostname")
        List<AddressView> addresses(int port);

        @Query("select hostname from nq_host order by hostname")
        List<String> hostnames();

        @Query("select count(*) from nq_host where port > :port")
        long countAbove(int port);

        @Query(value = "select * from nq_host where port >= :port order by hostname",
                countQuery = "select count(*) from nq_host where port >= :port")
        Page<Host> pageAbove(int port, Pageable pageable);

        @Query("select hostname, port from nq_host order by hostname")
        Page<HostSummary> pageSummaries(Pageable pageable);

        @Query("select * from nq_host order by hostname")
        Slice<Host> slice(Pageable pageable);

        @Query("select * from nq_host order by hostname")
        List<Host> limited(Limit limit);

        @Query("select * from nq_host where port = :port order by hostname")
        Stream<Host> streamPort(int port);

        @Query("select * from nq_host where port = :port order by hostname")
        <P> List<P> byPortAs(int port, Class<P> type);

        @Modifying
        @Query("update nq_host set port = :port where hostname = :hostname")
        int movePort(String hostname, int port);

        @Modifying
        @Query("delete from nq_host where port = ?1")
        void deletePort(int port);

        @Modifying(clearAutomatically = true)
        @Query("update nq_host set ip_addr = :address")
        long readdressAll(String address);
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private RepositoryFactory factory;
    private HostRepository hosts;

    NativeQueryIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createHosts() {
        db.dropTablesQuietly("nq_host");
        Engine engine = Engine.create(db.dataSource());
        engine.createAll(Host.class);
        factory = RepositoryFactory.of(engine.sessionFactory());
        hosts = factory.create(HostRepository.class);
        hosts.saveAll(List.of(
                new Host(null, "web-1", 80, "10.0.0.1"),
                new Host(null, "web-2", 80, "10.0.0.2"),
                new Host(null, "web-3", 443, "10.0.0.3"),
                new Host(null, "db-1", 5432, "10.0.1.1")));
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @AfterEach
    void dropHosts() {
        db.dropTablesQuietly("nq_host");
    }

    private static List<String> names(List<Host> found) {
        return found.stream().map(Host::hostname).toList();
    }

    @Test
    void bindsNamedParametersByCompiledName() {
        statements.clear();

        assertThat(names(hosts.search("web%"))).containsExactly("web-1", "web-2", "web-3");
        assertThat(statements).containsExactly("select * from nq_host where hostname like ? order by port");
    }

    @Test
    void bindsNamedParametersByParamAnnotation() {
        assertThat(names(hosts.byPort(80))).containsExactly("web-1", "web-2");
    }

    @Test
    void bindsNumberedParameters() {
        assertThat(names(hosts.between(100, 5432))).containsExactly("web-3", "db-1");
    }

    @Test
    void bindsANameUsedTwice() {
        assertThat(names(hosts.byNameOrAddress("10.0.1.1"))).containsExactly("db-1");
        assertThat(names(hosts.byNameOrAddress("web-2"))).containsExactly("web-2");
    }

    @Test
    void mapsEntitiesByColumnLabelInAnyOrder() {
        Host dbHost = hosts.search("db%").get(0);

        assertThat(hosts.load(dbHost.id())).contains(dbHost);
        assertThat(hosts.load(-1)).isEmpty();
    }

    @Test
    void loadsEntitiesThroughTheIdentityMap() {
        Long id = hosts.search("db%").get(0).id();

        boolean same = factory.context().inTransaction(session ->
                hosts.findById(id).orElseThrow() == hosts.load(id).orElseThrow());

        assertThat(same).isTrue();
    }

    @Test
    void failsWhenASingleResultQueryReturnsSeveralRows() {
        assertThat(hosts.onePort(443).hostname()).isEqualTo("web-3");
        assertThat(hosts.onePort(1)).isNull();
        assertThatThrownBy(() -> hosts.onePort(80))
                .isInstanceOf(NonUniqueResultException.class)
                .hasMessage("HostRepository.onePort returned 2 rows but returns Host; return a List or make the SQL return "
                        + "one row");
    }

    @Test
    void mapsRecordsAndAliasesByLabel() {
        assertThat(hosts.summaries()).startsWith(new HostSummary("web-1", 80), new HostSummary("web-2", 80));
        assertThat(hosts.portCounts()).containsExactly(new PortCount(80, 2), new PortCount(443, 1),
                new PortCount(5432, 1));
    }

    @Test
    void mapsInterfacesByLabelIncludingColumnNames() {
        assertThat(hosts.addresses(80)).extracting(AddressView::getIpAddress).containsExactly("10.0.0.1", "10.0.0.2");
    }

    @Test
    void readsScalarsFromTheFirstColumn() {
        assertThat(hosts.hostnames()).containsExactly("db-1", "web-1", "web-2", "web-3");
        assertThat(hosts.countAbove(100)).isEqualTo(2L);
    }

    @Test
    void pagesWithTheGivenCountQuery() {
        statements.clear();

        Page<Host> first = hosts.pageAbove(80, PageRequest.of(0, 3));

        assertThat(names(first.getContent())).containsExactly("db-1", "web-1", "web-2");
        assertThat(first.getTotalElements()).isEqualTo(4);
        assertThat(statements).containsExactly(
                "select * from nq_host where port >= ? order by hostname limit ? offset ?",
                "select count(*) from nq_host where port >= ?");
    }

    @Test
    void pagesWithADerivedCountQuery() {
        Page<HostSummary> second = hosts.pageSummaries(PageRequest.of(1, 3));

        assertThat(second.getContent()).containsExactly(new HostSummary("web-3", 443));
        assertThat(second.getTotalElements()).isEqualTo(4);

        Page<HostSummary> first = hosts.pageSummaries(PageRequest.of(0, 2));
        assertThat(first.getTotalElements()).isEqualTo(4);
        assertThat(first.getTotalPages()).isEqualTo(2);
    }

    @Test
    void slicesAndLimits() {
        Slice<Host> slice = hosts.slice(PageRequest.of(0, 3));

        assertThat(slice.getNumberOfElements()).isEqualTo(3);
        assertThat(slice.hasNext()).isTrue();
        assertThat(hosts.slice(PageRequest.of(1, 3)).hasNext()).isFalse();
        assertThat(names(hosts.limited(Limit.of(2)))).containsExactly("db-1", "web-1");
        assertThat(hosts.limited(Limit.unlimited())).hasSize(4);
    }

    @Test
    void rejectsASortedPageable() {
        assertThatThrownBy(() -> hosts.pageAbove(80, PageRequest.of(0, 3, Sort.by("port"))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("HostRepository.pageAbove: @Query SQL is not rewritten, so its Pageable cannot carry a Sort "
                        + "(port: ASC); put ORDER BY in the SQL");
    }

    @Test
    void streams() {
        try (Stream<Host> stream = hosts.streamPort(80)) {
            assertThat(stream.map(Host::hostname)).containsExactly("web-1", "web-2");
        }
    }

    @Test
    void readsIntoTheTypeTheCallerPasses() {
        assertThat(hosts.byPortAs(80, HostSummary.class)).containsExactly(new HostSummary("web-1", 80),
                new HostSummary("web-2", 80));
        assertThat(hosts.byPortAs(443, Host.class)).extracting(Host::ipAddress).containsExactly("10.0.0.3");
    }

    record Opaque(Object hostname) {
    }

    @Test
    void rejectsADynamicTypeNoCodecCanRead() {
        assertThatThrownBy(() -> hosts.byPortAs(80, Opaque.class))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("HostRepository.byPortAs: cannot read rows into Opaque: 'hostname' of Opaque has type "
                        + "java.lang.Object, which no codec reads; register a codec for it or change the type");
    }

    @Test
    void modifyingQueriesReturnTheRowCount() {
        assertThat(hosts.movePort("web-1", 8080)).isEqualTo(1);
        hosts.deletePort(80);

        assertThat(names(hosts.byPort(8080))).containsExactly("web-1");
        assertThat(hosts.byPort(80)).isEmpty();
    }

    @Test
    void aModifyingQueryCanClearTheSessionSoObjectsAreReloaded() {
        String address = factory.context().inTransaction(session -> {
            Host before = hosts.search("db%").get(0);
            assertThat(hosts.readdressAll("0.0.0.0")).isEqualTo(4L);
            Host after = hosts.search("db%").get(0);
            assertThat(after).isNotSameAs(before);
            return after.ipAddress();
        });

        assertThat(address).isEqualTo("0.0.0.0");
    }
}
