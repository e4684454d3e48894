package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quarry.NoResultException;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Projections that select only what they need, and aggregate subjects. */
@CrossDatabaseTest
class ProjectionIT {

    @Entity
    @Table(name = "pj_host")
    record Host(@Id @GeneratedValue Long id, String hostname, int port, @Column(name = "ip_addr") String ipAddress,
            Integer weight) {
    }

    /** A record projection: component names match properties. */
    record HostSummary(String hostname, int port) {
    }

    /** A class projection, built through its constructor (javac -parameters). */
    static final class Address {
        final String hostname;
        final String ipAddress;
        final long port;

        Address(String hostname, String ipAddress, long port) {
            this.hostname = hostname;
            this.ipAddress = ipAddress;
            this.port = port;
        }
    }

    /** An interface projection with a getter, a record-style accessor and a default method. */
    interface HostView {
        String getHostname();

        int port();

        default String endpoint() {
            return getHostname() + ":" + port();
        }
    }

    /** A class with several constructors: the one with the most parameters that all name properties is used. */
    static final class Endpoint {
        final String hostname;
        final int port;

        Endpoint(String hostname, int port, String colour) {
            throw new AssertionError("colour is no property");
        }

        Endpoint(String hostname, int port) {
            this.hostname = hostname;
            this.port = port;
        }

        Endpoint(String hostname) {
            this(hostname, -1);
        }
    }

    /** Two getters of one property, and a static method that is no getter. */
    interface HostName {
        String getHostname();

        String hostname();

        static HostName of(String hostname) {
            throw new AssertionError(hostname);
        }
    }

    interface HostRepository extends CrudRepository<Host, Long> {
        List<Endpoint> findEndpointsByPort(int port);

        List<HostName> findNamesByPortOrderByHostnameAsc(int port);

        List<String> findHostnameByPortGreaterThanOrderByHostnameAsc(int port);

        List<Integer> findDistinctPortByWeightIsNotNullOrderByPortAsc();

        String findHostnameById(long id);

        Optional<String> findIpAddressByHostname(String hostname);

        Stream<String> streamHostnameByPortLessThan(int port);

        List<HostSummary> findByPortLessThanOrderByPortAsc(int port);

        Optional<HostSummary> findSummaryByHostname(String hostname);

        List<Address> findAddressesByHostnameStartingWith(String prefix);

        List<HostView> findViewsByPortOrderByHostnameAsc(int port);

        <P> List<P> findByPortOrderByHostnameAsc(int port, Class<P> type);

        Page<HostSummary> findByPortGreaterThan(int port, Pageable pageable);

        Integer maxPortByHostnameStartingWith(String prefix);

        Optional<Integer> minPortByHostnameStartingWith(String prefix);

        int minWeightByHostnameStartingWith(String prefix);

        long sumPortByHostnameStartingWith(String prefix);

        int sumWeightByHostname(String hostname);

        Double avgPortByHostnameStartingWith(String prefix);

        BigDecimal avgWeightBy();

        long countDistinctPortByHostnameStartingWith(String prefix);
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private HostRepository hosts;

    ProjectionIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createHosts() {
        db.dropTablesQuietly("pj_host");
        Engine engine = Engine.create(db.dataSource());
        engine.createAll(Host.class);
        hosts = RepositoryFactory.of(engine.sessionFactory()).create(HostRepository.class);
        hosts.saveAll(List.of(
                new Host(null, "web-1", 80, "10.0.0.1", 10),
                new Host(null, "web-2", 80, "10.0.0.2", 20),
                new Host(null, "web-3", 443, "10.0.0.3", null),
                new Host(null, "db-1", 5432, "10.0.1.1", 5)));
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @AfterEach
    void dropHosts() {
        db.dropTablesQuietly("pj_host");
    }

    @Test
    void selectsOnePropertyPerRow() {
        statements.clear();

        assertThat(hosts.findHostnameByPortGreaterThanOrderByHostnameAsc(100)).containsExactly("db-1", "web-3");
        assertThat(statements).singleElement().asString().startsWith("select hostname from pj_host where port > ?");
    }

    @Test
    void selectsDistinctValues() {
        assertThat(hosts.findDistinctPortByWeightIsNotNullOrderByPortAsc()).containsExactly(80, 5432);
    }

    @Test
    void selectsOneValue() {
        Long id = hosts.findAll().stream().filter(host -> host.port() == 5432).findFirst().orElseThrow().id();

        assertThat(hosts.findHostnameById(id)).isEqualTo("db-1");
        assertThat(hosts.findHostnameById(-1)).isNull();
        assertThat(hosts.findIpAddressByHostname("web-3")).contains("10.0.0.3");
        assertThat(hosts.findIpAddressByHostname("nope")).isEmpty();
    }

    @Test
    void streamsValues() {
        try (Stream<String> names = hosts.streamHostnameByPortLessThan(100)) {
            assertThat(names).containsExactlyInAnyOrder("web-1", "web-2");
        }
    }

    @Test
    void buildsRecordsSelectingOnlyTheirColumns() {
        statements.clear();

        assertThat(hosts.findByPortLessThanOrderByPortAsc(500)).hasSize(3)
                .contains(new HostSummary("web-1", 80), new HostSummary("web-3", 443));
        assertThat(hosts.findSummaryByHostname("db-1")).contains(new HostSummary("db-1", 5432));
        assertThat(statements.get(0)).startsWith("select hostname, port from pj_host");
    }

    @Test
    void buildsClassesThroughTheirConstructorConvertingNumbers() {
        List<Address> addresses = hosts.findAddressesByHostnameStartingWith("db");

        assertThat(addresses).singleElement().satisfies(address -> {
            assertThat(address.hostname).isEqualTo("db-1");
            assertThat(address.ipAddress).isEqualTo("10.0.1.1");
            assertThat(address.port).isEqualTo(5432L);
        });
    }

    @Test
    void backsInterfacesWithTheRowsValues() {
        statements.clear();

        List<HostView> views = hosts.findViewsByPortOrderByHostnameAsc(80);

        assertThat(views).extracting(HostView::endpoint).containsExactly("web-1:80", "web-2:80");
        assertThat(views.get(0)).hasToString("HostView{hostname=web-1, port=80}");
        assertThat(views.get(0)).isEqualTo(hosts.findViewsByPortOrderByHostnameAsc(80).get(0))
                .isNotEqualTo(views.get(1));
        assertThat(statements.get(0)).startsWith("select hostname, port from pj_host");
    }

    @Test
    void buildsAClassThroughItsLargestConstructorWhoseParametersAllNameProperties() {
        statements.clear();

        List<Endpoint> endpoints = hosts.findEndpointsByPort(5432);

        assertThat(endpoints).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.hostname).isEqualTo("db-1");
            assertThat(endpoint.port).isEqualTo(5432);
        });
        assertThat(statements.get(0)).startsWith("select hostname, port from pj_host");
    }

    @Test
    void twoGettersOfOnePropertyReadOneColumn() {
        statements.clear();

        List<HostName> names = hosts.findNamesByPortOrderByHostnameAsc(80);

        assertThat(names).extracting(HostName::getHostname).containsExactly("web-1", "web-2");
        assertThat(names).extracting(HostName::hostname).containsExactly("web-1", "web-2");
        assertThat(statements.get(0)).startsWith("select hostname from pj_host");
    }

    @Test
    void readsIntoTheTypeTheCallerPasses() {
        assertThat(hosts.findByPortOrderByHostnameAsc(80, Host.class)).extracting(Host::ipAddress)
                .containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(hosts.findByPortOrderByHostnameAsc(80, HostSummary.class))
                .containsExactly(new HostSummary("web-1", 80), new HostSummary("web-2", 80));
        assertThat(hosts.findByPortOrderByHostnameAsc(80, HostView.class)).extracting(HostView::endpoint)
                .containsExactly("web-1:80", "web-2:80");
    }

    record Unmappable(String colour) {
    }

    @Test
    void rejectsADynamicTypeThatDoesNotFitTheEntity() {
        assertThatThrownBy(() -> hosts.findByPortOrderByHostnameAsc(80, Unmappable.class))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("HostRepository.findByPortOrderByHostnameAsc: cannot read rows into Unmappable: "
                        + "'colour' of Unmappable names no property of Host");
    }

    @Test
    void pagesProjections() {
        Page<HostSummary> page = hosts.findByPortGreaterThan(50, PageRequest.of(0, 2, Sort.by("hostname")));

        assertThat(page.getContent()).containsExactly(new HostSummary("db-1", 5432), new HostSummary("web-1", 80));
        assertThat(page.getTotalElements()).isEqualTo(4);
    }

    @Test
    void aggregatesAProperty() {
        assertThat(hosts.maxPortByHostnameStartingWith("web")).isEqualTo(443);
        assertThat(hosts.minPortByHostnameStartingWith("web")).contains(80);
        assertThat(hosts.minWeightByHostnameStartingWith("web")).isEqualTo(10);
        assertThat(hosts.sumPortByHostnameStartingWith("web")).isEqualTo(603L);
        assertThat(hosts.avgPortByHostnameStartingWith("web")).isEqualTo(201.0);
        assertThat(hosts.avgWeightBy().doubleValue()).isCloseTo(11.667, within(0.001));
        assertThat(hosts.countDistinctPortByHostnameStartingWith("web")).isEqualTo(2L);
    }

    @Test
    void aggregatesOfNoRowsAreNullEmptyOrZero() {
        assertThat(hosts.maxPortByHostnameStartingWith("nope")).isNull();
        assertThat(hosts.minPortByHostnameStartingWith("nope")).isEmpty();
        assertThat(hosts.sumPortByHostnameStartingWith("nope")).isZero();
        assertThat(hosts.sumWeightByHostname("web-3")).isZero();
        assertThatThrownBy(() -> hosts.minWeightByHostnameStartingWith("nope"))
                .isInstanceOf(NoResultException.class)
                .hasMessage("HostRepository.minWeightByHostnameStartingWith matched no row, so there is no min; declare "
                        + "the result as Integer or Optional<Integer>");
    }
}
