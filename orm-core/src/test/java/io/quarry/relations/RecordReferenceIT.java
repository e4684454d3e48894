package io.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.OneToMany;
import io.quarry.mapping.Table;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.LoadWith;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.sql.Sql;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Record entities holding references: loaded without N+1 (the rows' keys first, one IN statement
 * per relation, then the records built with their references), written with the foreign key taken
 * from the referenced object, changed by replacing the record.
 */
@CrossDatabaseTest
class RecordReferenceIT {

    private static final int HOSTS = 1000;

    @Entity
    @Table(name = "rr_datacenter")
    static class Site {
        @Id @GeneratedValue Long id;
        @Column(nullable = false, unique = true, length = 40) String name;
        @OneToMany(mappedBy = "site") List<Rack> racks = new ArrayList<>();

        Site() {
        }

        Site(String name) {
            this.name = name;
        }
    }

    @Entity
    @Table(name = "rr_rack")
    static class Rack {
        @Id @GeneratedValue Long id;
        String label;
        @ManyToOne Site site;
    }

    @Entity
    @Table(name = "rr_team")
    static class Team {
        @Id @GeneratedValue Long id;
        String name;

        Team() {
        }

        Team(String name) {
            this.name = name;
        }
    }

    @Entity
    @Table(name = "rr_host")
    record Machine(@Id @GeneratedValue Long id, @Column(length = 40) String hostname, @ManyToOne Site site,
            @ManyToOne Team owner) {

        Machine withSite(Site other) {
            return new Machine(id, hostname, other, owner);
        }
    }

    interface MachineRepository extends CrudRepository<Machine, Long> {

        List<Machine> findBySiteNameOrderByHostname(String name);

        @LoadWith("site.racks")
        List<Machine> findByHostnameStartingWith(String prefix);
    }

    private final TestDatabase db;
    private final Engine engine;
    private final Statements statements = new Statements();

    RecordReferenceIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    @BeforeEach
    void createTables() {
        dropTables();
        engine.createAll(Machine.class, Rack.class);
        engine.addStatementListener(statements);
    }

    @AfterEach
    void dropTables() {
        engine.removeStatementListener(statements);
        engine.dropAll(Machine.class, Rack.class, Site.class, Team.class);
    }

    /** Three sites, two teams and {@code HOSTS} machines; every third machine has no owner. */
    private void seed() {
        try (Session session = engine.openSession()) {
            List<Site> sites = List.of(new Site("fra-1"), new Site("fra-2"), new Site("iad-1"));
            List<Team> teams = List.of(new Team("web"), new Team("db"));
            sites.forEach(session::add);
            teams.forEach(session::add);
            session.flush();
            for (int i = 0; i < HOSTS; i++) {
                session.add(new Machine(null, String.format("host-%04d", i), sites.get(i % 3),
                        i % 3 == 2 ? null : teams.get(i % 2)));
            }
            session.commit();
        }
        statements.clear();
    }

    @Test
    void aThousandRecordsAndTheirTwoReferencesLoadInThreeStatements() {
        seed();
        try (Session session = engine.openSession()) {
            List<Machine> machines = session.query(Machine.class).orderBy(Sql.asc("hostname")).all();

            assertThat(statements.take()).as("machines, sites, teams on %s", db).hasSize(3);
            assertThat(machines).hasSize(HOSTS).doesNotContainNull();
            assertThat(machines.get(4).site().name).isEqualTo("fra-2");
            assertThat(machines.get(4).owner().name).isEqualTo("web");
            assertThat(machines.get(5).owner()).as("a NULL key is a null reference").isNull();
            Set<Site> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            machines.forEach(machine -> distinct.add(machine.site()));
            assertThat(distinct).as("one object per site row").hasSize(3);
            assertThat(session.get(Machine.class, machines.get(7).id())).as("the identity map holds the record")
                    .isSameAs(machines.get(7));
            assertThat(session.query(Machine.class).orderBy(Sql.asc("hostname")).all().get(7))
                    .as("a second query returns the held records").isSameAs(machines.get(7));
            assertThat(statements.take()).as("the second query reads only the machines").hasSize(1);
        }
    }

    @Test
    void aJoinedReferenceIsReadFromTheRecordsOwnRows() {
        seed();
        try (Session session = engine.openSession()) {
            List<Machine> machines = session.query(Machine.class).withJoined("site").orderBy(Sql.asc("hostname")).all();

            assertThat(statements.take()).as("machines joined with sites, then teams on %s", db).hasSize(2);
            assertThat(machines).extracting(machine -> machine.site().name).startsWith("fra-1", "fra-2", "iad-1");
            assertThat(machines.get(0).owner().name).isEqualTo("web");
            assertThat(machines.get(3).site()).isSameAs(machines.get(0).site());
        }
    }

    @Test
    void aStreamBuildsEachChunksRecordsAfterLoadingTheirReferences() {
        seed();
        try (Session session = engine.openSession();
                Stream<Machine> machines = session.query(Machine.class).orderBy(Sql.asc("hostname")).stream()) {
            List<Machine> read = machines.toList();

            assertThat(read).hasSize(HOSTS).allSatisfy(machine -> assertThat(machine.site()).isNotNull());
            assertThat(read.get(4).site().name).isEqualTo("fra-2");
        }
    }

    @Test
    void addingARecordCascadesToItsNewReferenceAndWritesTheGeneratedKey() {
        try (Session session = engine.openSession()) {
            Site site = new Site("ams-1");
            session.add(new Machine(null, "web-1", site, new Team("web")));
            session.add(new Machine(null, "web-2", site, null));
            session.commit();

            assertThat(statements.take()).as("site, team, machines: one batch each on %s", db).hasSize(3);
            assertThat(site.id).as("the plain target got its id before the records' rows").isNotNull();
        }
        try (Session session = engine.openSession()) {
            List<Machine> machines = session.query(Machine.class).orderBy(Sql.asc("hostname")).all();
            assertThat(machines).extracting(machine -> machine.site().name).containsExactly("ams-1", "ams-1");
            assertThat(machines.get(0).owner().name).isEqualTo("web");
            assertThat(machines.get(1).owner()).isNull();
            assertThat(machines.get(0).id()).as("the record was rebuilt with its generated id").isNotNull();
        }
    }

    @Test
    void aChangedReferenceIsANewRecordMergedIntoTheSession() {
        seed();
        try (Session session = engine.openSession()) {
            Machine machine = session.query(Machine.class).filter(Sql.col("hostname").eq("host-0000")).one();
            Site iad = session.query(Site.class).filter(Sql.col("name").eq("iad-1")).one();
            statements.clear();

            session.merge(machine.withSite(iad));
            session.commit();

            assertThat(statements.take()).as("one UPDATE of the changed key on %s", db).hasSize(1)
                    .allSatisfy(sql -> assertThat(sql.toLowerCase()).startsWith("update"));
        }
        try (Session session = engine.openSession()) {
            Machine machine = session.query(Machine.class).filter(Sql.col("hostname").eq("host-0000")).one();
            assertThat(machine.site().name).isEqualTo("iad-1");
        }
    }

    @Test
    void aRecordMergedWithANewSiteInsertsTheSiteBeforeWritingItsKey() {
        seed();
        try (Session session = engine.openSession()) {
            Machine machine = session.query(Machine.class).filter(Sql.col("hostname").eq("host-0000")).one();
            statements.clear();

            session.merge(machine.withSite(new Site("ams-1")));
            session.commit();

            List<String> sql = statements.take();
            assertThat(sql).as("insert the site, then update the machine's key on %s", db).hasSize(2);
            assertThat(sql.get(0).toLowerCase()).startsWith("insert into rr_datacenter");
            assertThat(sql.get(1).toLowerCase()).startsWith("update rr_host");
        }
        try (Session session = engine.openSession()) {
            Machine machine = session.query(Machine.class).filter(Sql.col("hostname").eq("host-0000")).one();
            assertThat(machine.site().name).isEqualTo("ams-1");
        }
    }

    @Test
    void aRolledBackRecordAndItsNewSiteCanBeAddedAgain() {
        Site site = new Site("ams-1");
        Machine machine = new Machine(null, "web-1", site, null);
        try (Session session = engine.openSession()) {
            session.add(machine);
            session.flush();
            session.rollback();
        }
        assertThat(site.id).as("the generated id is taken back").isNull();
        try (Session session = engine.openSession()) {
            session.add(machine);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Machine.class).one().site().name).isEqualTo("ams-1");
        }
    }

    @Test
    void aRefreshedRecordIsRebuiltWithTheReferenceItsRowHasNow() {
        seed();
        try (Session session = engine.openSession()) {
            Machine machine = session.query(Machine.class).filter(Sql.col("hostname").eq("host-0000")).one();
            Long iad = session.query(Site.class).filter(Sql.col("name").eq("iad-1")).one().id;
            session.execute("update rr_host set site_id = :site where id = :id", Map.of("site", iad, "id", machine.id()));
            statements.clear();

            session.refresh(machine);

            Machine refreshed = session.get(Machine.class, machine.id());
            assertThat(refreshed).as("a record is replaced, not changed").isNotSameAs(machine);
            assertThat(refreshed.site().name).isEqualTo("iad-1");
            assertThat(refreshed.owner()).as("the held team").isSameAs(machine.owner());
            assertThat(statements.take()).as("the machine's row; the site and the team are held on %s", db).hasSize(1);
            session.commit();
            assertThat(statements.take()).as("the refreshed record is clean").isEmpty();
        }
    }

    @Test
    void aStreamHandsOutEveryChunksOwnRecordsInRowOrder() {
        seed();
        try (Session session = engine.openSession();
                Stream<Machine> machines = session.query(Machine.class).orderBy(Sql.asc("hostname")).stream()) {
            List<Machine> read = machines.toList();

            assertThat(read).extracting(Machine::hostname).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, HOSTS).mapToObj(i -> String.format("host-%04d", i)).toList());
            assertThat(read.get(700).site().name).as("a record of the third chunk").isEqualTo("fra-2");
        }
    }

    @Test
    void aRecordRowReadTwiceByOneQueryIsOneObject() {
        seed();
        try (Session session = engine.openSession()) {
            List<Machine> machines = session.sqlQuery("select h.* from rr_host h, rr_team t where h.hostname = :name",
                    Machine.class, Map.of("name", "host-0001"));

            assertThat(machines).hasSize(2);
            assertThat(machines.get(0)).isSameAs(machines.get(1));
            assertThat(machines.get(0).site().name).isEqualTo("fra-2");
            assertThat(session.get(Machine.class, machines.get(0).id())).isSameAs(machines.get(0));
        }
    }

    @Test
    void handWrittenSqlBuildsRecordsWithTheirReferences() {
        seed();
        try (Session session = engine.openSession()) {
            List<Machine> machines = session.sqlQuery("select * from rr_host where hostname like :prefix order by hostname",
                    Machine.class, Map.of("prefix", "host-00%"));

            assertThat(machines).hasSize(100).doesNotContainNull();
            assertThat(machines.get(1).site().name).isEqualTo("fra-2");
            assertThat(statements.take()).as("machines, sites, teams on %s", db).hasSize(3);
        }
    }

    @Test
    void aLoadedRecordWithUnchangedReferencesIsNotWritten() {
        seed();
        try (Session session = engine.openSession()) {
            session.query(Machine.class).all();
            statements.clear();

            session.commit();

            assertThat(statements.take()).as("no dirty record").isEmpty();
        }
    }

    @Test
    void aRecordWithReferencesIsDeletedWithoutTouchingThem() {
        seed();
        try (Session session = engine.openSession()) {
            Machine machine = session.query(Machine.class).filter(Sql.col("hostname").eq("host-0001")).one();
            session.delete(machine);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Machine.class).count()).isEqualTo(HOSTS - 1);
            assertThat(session.query(Site.class).count()).isEqualTo(3);
        }
    }

    @Test
    void repositoriesDeriveQueriesThroughTheReferenceAndLoadWithPathsUnderIt() {
        seed();
        try (Session session = engine.openSession()) {
            Site fra = session.query(Site.class).filter(Sql.col("name").eq("fra-1")).one();
            Rack rack = new Rack();
            rack.label = "r1";
            rack.site = fra;
            session.add(rack);
            session.commit();
        }
        MachineRepository machines = RepositoryFactory.of(engine.sessionFactory()).create(MachineRepository.class);
        statements.clear();

        List<Machine> onFra = machines.findBySiteNameOrderByHostname("fra-1");

        assertThat(onFra).hasSize(334).allSatisfy(machine -> assertThat(machine.site().name).isEqualTo("fra-1"));
        assertThat(onFra).extracting(machine -> machine.owner().name).containsOnly("web", "db");
        assertThat(statements.take()).as("machines joined to their site, sites, teams on %s", db).hasSize(3);

        List<Machine> onIad = machines.findBySiteNameOrderByHostname("iad-1");

        assertThat(onIad).hasSize(333).allSatisfy(machine -> assertThat(machine.owner()).isNull());
        assertThat(statements.take()).as("no owner keys, no statement for the teams on %s", db).hasSize(2);

        List<Machine> withRacks = machines.findByHostnameStartingWith("host-000");

        assertThat(withRacks).hasSize(10);
        assertThat(withRacks.get(0).site().racks).extracting(r -> r.label).containsExactly("r1");
        assertThat(statements.take()).as("machines, sites, teams, the sites' racks on %s", db).hasSize(4);
    }
}
