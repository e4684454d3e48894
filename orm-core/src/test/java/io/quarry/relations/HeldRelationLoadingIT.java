package io.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.SessionStateException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Relations of objects the session already holds when a query names them (the plan reaches them
 * too, without reading them again), the errors of a lazy collection outside its session, and of a
 * fetch plan's path.
 */
@CrossDatabaseTest
class HeldRelationLoadingIT {

    /** An entity without relations. */
    @Entity
    @Table(name = "hl_note")
    static class Note {
        @Id @GeneratedValue Long id;
        String text;
    }

    private final TestDatabase db;
    private final Engine engine;
    private final Statements statements = new Statements();

    HeldRelationLoadingIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    /** Datacenters fra-1 (hosts a, b) and iad-1 (host c), host x in none; b is a replica of a, a is tagged web. */
    @BeforeEach
    void seed() {
        engine.dropAll(Host.class, Datacenter.class, Tag.class);
        engine.createAll(Host.class);
        try (Session session = engine.openSession()) {
            Host a = new Host("a");
            Host b = new Host("b");
            b.replicaOf = a;
            Tag web = new Tag("web");
            a.tags.add(web);
            session.addAll(new Datacenter("fra-1", "eu").addHost(a).addHost(b),
                    new Datacenter("iad-1", "us").addHost(new Host("c")), new Host("x"), web);
            session.commit();
        }
        engine.addStatementListener(statements);
    }

    @AfterEach
    void dropTables() {
        engine.removeStatementListener(statements);
        engine.dropAll(Host.class, Datacenter.class, Tag.class);
    }

    @Test
    void aQueryNamingACollectionLoadsItForOwnersTheSessionHeldUnloaded() {
        try (Session session = engine.openSession()) {
            List<Datacenter> first = session.query(Datacenter.class).all();
            statements.clear();

            List<Datacenter> again = session.query(Datacenter.class).with("hosts").all();

            assertThat(again).containsExactlyInAnyOrderElementsOf(first);
            assertThat(statements.take()).as("on %s", db).hasSize(2);
            assertThat(again).flatExtracting(Datacenter::getHosts).extracting(Host::getHostname)
                    .containsExactlyInAnyOrder("a", "b", "c");
            assertThat(statements.take()).as("nothing more on access").isEmpty();
        }
    }

    @Test
    void aHeldHostReachedAsReplicaGetsTheTagsThePlanNamesUnderIt() {
        try (Session session = engine.openSession()) {
            Host a = session.query(Host.class).filterBy("hostname", "a").one();
            statements.clear();

            Host b = session.query(Host.class).filterBy("hostname", "b").with("replicaOf.tags").one();

            assertThat(b.getReplicaOf()).isSameAs(a);
            assertThat(statements.take()).as("host b, then the tags of the held host a").hasSize(2);
            assertThat(a.getTags()).extracting(Tag::getName).containsExactly("web");
            assertThat(statements.take()).as("nothing more on access").isEmpty();
        }
    }

    @Test
    void heldHostsWithoutReplicaAreSkippedByThePlanUnderReplicaOf() {
        try (Session session = engine.openSession()) {
            List<Host> held = session.query(Host.class).all();
            statements.clear();

            List<Host> hosts = session.query(Host.class).with("replicaOf.tags").all();

            assertThat(hosts).containsExactlyInAnyOrderElementsOf(held);
            assertThat(statements.take()).as("the hosts, then the tags of host a").hasSize(2);
            Host a = hosts.stream().filter(h -> h.getHostname().equals("a")).findFirst().orElseThrow();
            assertThat(a.getTags()).extracting(Tag::getName).containsExactly("web");
            assertThat(statements.take()).as("nothing more on access").isEmpty();
        }
    }

    @Test
    void aLazyCollectionOutsideItsSessionNamesItsOwnOwnerNotTheFirstOfTheQuery() {
        List<Datacenter> datacenters;
        try (Session session = engine.openSession()) {
            datacenters = session.query(Datacenter.class).orderBy(io.quarry.sql.Sql.asc("name")).all();
        }
        Datacenter iad = datacenters.get(1);

        assertThatThrownBy(() -> iad.getHosts().size())
                .isInstanceOf(SessionStateException.class)
                .hasMessageStartingWith("Cannot load Datacenter.hosts of Datacenter " + iad.getId()
                        + ": the session that loaded it is closed. Load it with the query "
                        + "(query(Datacenter.class).with(\"hosts\")) or declare it fetch = SELECTIN");
    }

    @Test
    void aLazyCollectionNoLongerInItsOwnerFailsOutsideItsSessionWithoutNamingAnOwner() {
        List<Host> detachedHosts;
        try (Session session = engine.openSession()) {
            Datacenter fra = session.query(Datacenter.class).filterBy("name", "fra-1").one();
            detachedHosts = fra.getHosts();
            fra.hosts = new ArrayList<>();
            session.rollback();
        }

        assertThatThrownBy(detachedHosts::size)
                .isInstanceOf(SessionStateException.class)
                .hasMessage("Cannot load Datacenter.hosts: the session that loaded it is closed. Load it with the query "
                        + "(query(Datacenter.class).with(\"hosts\")) or declare it fetch = SELECTIN");
    }

    @Test
    void aPathStartingWithADotNamesTheEmptyRelation() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Datacenter.class).with(".hosts"))
                    .isInstanceOf(QuarryException.class)
                    .hasMessageStartingWith("with(\".hosts\"): Datacenter has no relation ''");
        }
    }

    @Test
    void aPathOnAnEntityWithoutRelationsSaysItMapsNone() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Note.class).with("author"))
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("with(\"author\"): Note has no relation 'author' (it maps none)");
        }
    }

    @Test
    void aPathOnAnEntityWithRelationsDoesNotSayItMapsNone() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Datacenter.class).withJoined("zzzz"))
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("withJoined(\"zzzz\"): Datacenter has no relation 'zzzz'; its relations: hosts");
        }
    }
}
