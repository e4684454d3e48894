package io.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.SessionStateException;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.LoadWith;
import io.quarry.repository.QueryCreationException;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CRUD repositories over related entities: saves and deletes follow the cascades, reads load relations. */
@CrossDatabaseTest
class RelationRepositoryIT {

    interface DatacenterRepository extends CrudRepository<Datacenter, Long> {

        @LoadWith({"hosts", "hosts.tags"})
        List<Datacenter> findByRegion(String region);

        Datacenter findByName(String name);
    }

    interface BrokenRepository extends CrudRepository<Datacenter, Long> {

        @LoadWith("hosts.tagz")
        List<Datacenter> findByRegion(String region);
    }

    interface HostRepository extends CrudRepository<Host, Long> {
        List<Host> findByHostnameStartingWith(String prefix);
    }

    private final TestDatabase db;
    private final Engine engine;
    private final Statements statements = new Statements();
    private DatacenterRepository datacenters;
    private HostRepository hosts;

    RelationRepositoryIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    @BeforeEach
    void createTables() {
        dropTables();
        engine.createAll(Host.class);
        RepositoryFactory factory = RepositoryFactory.of(engine.sessionFactory());
        datacenters = factory.create(DatacenterRepository.class);
        hosts = factory.create(HostRepository.class);
        engine.addStatementListener(statements);
    }

    @AfterEach
    void dropTables() {
        engine.removeStatementListener(statements);
        engine.dropAll(Host.class, Datacenter.class, Tag.class);
    }

    @Test
    void saveCascadesToNewHostsAndTheirTags() {
        Datacenter datacenter = new Datacenter("fra-1", "eu");
        Tag web = new Tag("web");
        for (int i = 0; i < 20; i++) {
            Host host = new Host("web-" + i);
            host.getTags().add(web);
            datacenter.addHost(host);
        }

        datacenters.save(datacenter);

        assertThat(statements.take()).as("datacenter, hosts, tag, join rows on %s", db).hasSize(4);
        assertThat(hosts.count()).isEqualTo(20);
    }

    @Test
    void findByLoadsTheReferencesOfEveryRowInOneMoreStatement() {
        datacenters.save(new Datacenter("fra-1", "eu").addHost(new Host("web-1")).addHost(new Host("web-2")));
        datacenters.save(new Datacenter("iad-1", "us").addHost(new Host("web-3")));
        statements.clear();

        List<Host> found = hosts.findByHostnameStartingWith("web");

        assertThat(found).extracting(host -> host.getDatacenter().getName()).containsExactlyInAnyOrder("fra-1", "fra-1",
                "iad-1");
        assertThat(statements.take()).as("hosts, datacenters on %s", db).hasSize(2);
    }

    @Test
    void deleteByIdOfADatacenterDeletesItsHostsAsTheCascadeSays() {
        Datacenter saved = datacenters.save(new Datacenter("fra-1", "eu").addHost(new Host("web-1"))
                .addHost(new Host("web-2")));
        datacenters.save(new Datacenter("iad-1", "us").addHost(new Host("web-3")));

        datacenters.deleteById(saved.getId());

        assertThat(hosts.findAll()).extracting(Host::getHostname).containsExactly("web-3");
        assertThat(datacenters.count()).isEqualTo(1);
    }

    @Test
    void deleteAllDeletesEveryDatacenterWithItsHosts() {
        datacenters.save(new Datacenter("fra-1", "eu").addHost(new Host("web-1")));
        datacenters.save(new Datacenter("iad-1", "us").addHost(new Host("web-3")));

        datacenters.deleteAll();

        assertThat(hosts.count()).isZero();
        try (Session session = engine.openSession()) {
            assertThat(session.sqlRows("select count(*) from rl_datacenter", Map.of()).get(0).get(0))
                    .asString().isEqualTo("0");
        }
    }

    @Test
    void deleteByIdWithoutACascadeStaysOneStatement() {
        Host host = hosts.save(new Host("web-1"));
        statements.clear();

        hosts.deleteById(host.getId());

        assertThat(statements.take()).as("on %s", db).hasSize(1);
    }

    @Test
    void loadWithLoadsTheNamedPathsWithTheRowsOneStatementPerRelation() {
        Tag web = new Tag("web");
        for (String name : List.of("fra-1", "fra-2")) {
            Datacenter datacenter = new Datacenter(name, "eu");
            for (int i = 0; i < 3; i++) {
                Host host = new Host(name + "-web-" + i);
                host.getTags().add(web);
                datacenter.addHost(host);
            }
            datacenters.save(datacenter);
        }
        statements.clear();

        List<Datacenter> found = datacenters.findByRegion("eu");

        assertThat(statements.take()).as("datacenters, hosts, tags on %s", db).hasSize(3);
        assertThat(found).allSatisfy(datacenter -> assertThat(datacenter.getHosts()).hasSize(3)
                .allSatisfy(host -> assertThat(host.getTags()).extracting(Tag::getName).containsExactly("web")));
    }

    @Test
    void aCollectionThatNoneLoadedFailsOutsideTheRepositorysSession() {
        datacenters.save(new Datacenter("fra-1", "eu").addHost(new Host("web-1")));

        Datacenter found = datacenters.findByName("fra-1");

        assertThatThrownBy(() -> found.getHosts().size())
                .isInstanceOf(SessionStateException.class)
                .hasMessageContaining("Cannot load Datacenter.hosts");
    }

    @Test
    void anUnknownLoadWithPathStopsTheRepositoryWithTheNearestName() {
        assertThatThrownBy(() -> RepositoryFactory.of(engine.sessionFactory()).create(BrokenRepository.class))
                .isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("findByRegion")
                .hasMessageContaining("Host has no relation 'tagz'; did you mean 'tags'?");
    }
}
