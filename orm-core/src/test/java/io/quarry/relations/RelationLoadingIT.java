package io.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.SessionStateException;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loading relations: a constant number of statements whatever the number of rows (one IN query per
 * relation), the identity map holding across relations, collections loaded on first access for
 * every owner of the query at once, and a clear error instead of a silent null or empty.
 */
@CrossDatabaseTest
class RelationLoadingIT {

    private static final int HOSTS = 1000;

    private final TestDatabase db;
    private final Engine engine;
    private final Statements statements = new Statements();

    RelationLoadingIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    @BeforeEach
    void seed() {
        engine.dropAll(Host.class, Datacenter.class, Tag.class);
        engine.createAll(Host.class);
        try (Session session = engine.openSession()) {
            List<Datacenter> datacenters = List.of(new Datacenter("fra-1", "eu"), new Datacenter("fra-2", "eu"),
                    new Datacenter("iad-1", "us"));
            datacenters.forEach(session::add);
            List<Tag> tags = List.of(new Tag("web"), new Tag("db"), new Tag("cache"));
            tags.forEach(session::add);
            session.flush();
            List<Host> hosts = new ArrayList<>();
            for (int i = 0; i < HOSTS; i++) {
                Host host = new Host(String.format("host-%04d", i));
                host.datacenter = datacenters.get(i % 3);
                hosts.add(host);
                session.add(host);
            }
            session.flush();
            for (int i = 0; i < HOSTS; i++) {
                for (int t = 0; t <= i % 3; t++) {
                    session.execute("insert into rl_host_tag (host_id, tag_id) values (:host, :tag)",
                            Map.of("host", hosts.get(i).id, "tag", tags.get(t).id));
                }
            }
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
    void aThousandHostsAndTheirDatacentersLoadInTwoStatements() {
        try (Session session = engine.openSession()) {
            List<Host> hosts = session.query(Host.class).all();

            assertThat(hosts).hasSize(HOSTS);
            assertThat(statements.take()).as("on %s", db).hasSize(2);
            assertThat(hosts).allSatisfy(host -> assertThat(host.getDatacenter()).isNotNull());
            Set<Datacenter> distinct = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            hosts.forEach(host -> distinct.add(host.getDatacenter()));
            assertThat(distinct).as("one object per datacenter row").hasSize(3);
            assertThat(hosts.get(4).getDatacenter().getName()).isEqualTo("fra-2");
        }
    }

    @Test
    void aThousandHostsWithDatacenterAndTagsLoadInThreeStatements() {
        try (Session session = engine.openSession()) {
            List<Host> hosts = session.query(Host.class).with(Host::getTags).all();

            List<String> sql = statements.take();
            assertThat(sql).as("on %s: %s", db, sql).hasSize(3);
            assertThat(hosts.get(0).getTags()).extracting(Tag::getName).containsExactly("web");
            assertThat(hosts.get(2).getTags()).extracting(Tag::getName).containsExactlyInAnyOrder("web", "db", "cache");
            assertThat(hosts.stream().mapToInt(h -> h.getTags().size()).sum()).isEqualTo(334 + 333 * 2 + 333 * 3);
            Set<Tag> distinct = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            hosts.forEach(host -> distinct.addAll(host.getTags()));
            assertThat(distinct).hasSize(3);
            assertThat(statements.take()).as("nothing more on access").isEmpty();
        }
    }

    @Test
    void aLazyCollectionLoadsForEveryOwnerOfTheQueryOnFirstAccess() {
        try (Session session = engine.openSession()) {
            List<Datacenter> datacenters = session.query(Datacenter.class).orderBy(io.quarry.sql.Sql.asc("name")).all();
            assertThat(statements.take()).hasSize(1);

            assertThat(datacenters.get(0).getHosts()).hasSize(334);
            assertThat(statements.take()).as("one statement for the hosts of all three, on %s", db).hasSize(1);
            assertThat(datacenters.get(1).getHosts()).hasSize(333);
            assertThat(datacenters.get(2).getHosts()).hasSize(333);
            assertThat(datacenters.get(1).getHosts().get(0).getDatacenter()).isSameAs(datacenters.get(1));
            assertThat(statements.take()).as("the hosts' datacenters come from the identity map").isEmpty();
        }
    }

    @Test
    void aPathBackToTheQueriedEntityFillsTheCollectionWithTheRowsOfTheQueryItself() {
        try (Session session = engine.openSession()) {
            List<Host> hosts = session.query(Host.class).with("datacenter.hosts").all();

            assertThat(statements.take()).as("hosts, then their datacenters, then the datacenters' hosts on %s", db)
                    .hasSize(3);
            Map<Datacenter, List<Host>> expected = new IdentityHashMap<>();
            hosts.forEach(host -> expected.computeIfAbsent(host.getDatacenter(), k -> new ArrayList<>()).add(host));
            assertThat(expected).hasSize(3);
            expected.forEach((datacenter, own) -> assertThat(datacenter.getHosts()).as(datacenter.getName())
                    .hasSize(own.size()).containsExactlyInAnyOrderElementsOf(own));
            assertThat(statements.take()).as("nothing more on access").isEmpty();
            assertThat(session.isDirty()).as("the loaded collections are their own snapshots").isFalse();
        }
    }

    @Test
    void aPathLoadsOneStatementPerRelationAtEveryDepth() {
        try (Session session = engine.openSession()) {
            List<Datacenter> datacenters = session.query(Datacenter.class).with("hosts.tags").all();

            assertThat(statements.take()).as("datacenters, hosts, tags on %s", db).hasSize(3);
            int tagged = 0;
            for (Datacenter datacenter : datacenters) {
                for (Host host : datacenter.getHosts()) {
                    tagged += host.getTags().size();
                }
            }
            assertThat(tagged).isEqualTo(334 + 333 * 2 + 333 * 3);
            assertThat(statements.take()).isEmpty();
        }
    }

    @Test
    void theInverseSideOfAManyToManyLoadsThroughTheJoinTable() {
        try (Session session = engine.openSession()) {
            Tag cache = session.query(Tag.class).filterBy("name", "cache").one();
            statements.clear();

            assertThat(cache.getHosts()).hasSize(333);
            assertThat(cache.getHosts()).allSatisfy(host -> assertThat(host.getTags()).isNotEmpty());
            List<String> sql = statements.take();
            assertThat(sql).as("hosts with their datacenters, then the tags of all of them, on %s", db).hasSize(3);
        }
    }

    @Test
    void getLoadsTheReferenceWithTheObject() {
        long id;
        try (Session session = engine.openSession()) {
            id = session.query(Host.class).filterBy("hostname", "host-0005").readOnly().one().getId();
        }
        statements.clear();
        try (Session session = engine.openSession()) {
            Host host = session.get(Host.class, id);

            assertThat(host.getDatacenter().getName()).isEqualTo("iad-1");
            assertThat(statements.take()).hasSize(2);
        }
    }

    @Test
    void aSelfReferenceComesFromTheSameQueryOrOneMoreStatement() {
        try (Session session = engine.openSession()) {
            Host primary = session.query(Host.class).filterBy("hostname", "host-0000").one();
            Host replica = session.query(Host.class).filterBy("hostname", "host-0001").one();
            replica.setReplicaOf(primary);
            session.commit();
        }
        statements.clear();
        try (Session session = engine.openSession()) {
            Host replica = session.query(Host.class).filterBy("hostname", "host-0001").one();

            assertThat(replica.getReplicaOf().getHostname()).isEqualTo("host-0000");
            assertThat(statements.take()).as("host, its datacenter, its primary, the primary's datacenter on %s", db)
                    .hasSize(4);
        }
    }

    @Test
    void aLazyCollectionOutsideItsSessionFailsNamingTheRelationAndTheFix() {
        Datacenter datacenter;
        try (Session session = engine.openSession()) {
            datacenter = session.query(Datacenter.class).filterBy("name", "fra-1").one();
        }

        assertThatThrownBy(() -> datacenter.getHosts().size())
                .isInstanceOf(SessionStateException.class)
                .hasMessageContaining("Cannot load Datacenter.hosts of Datacenter " + datacenter.getId())
                .hasMessageContaining("the session that loaded it is closed")
                .hasMessageContaining("with(\"hosts\")");
    }

    @Test
    void anUnknownPathFailsWhenTheQueryIsBuilt() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Datacenter.class).with("hosts.tagz"))
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("Host has no relation 'tagz'; did you mean 'tags'?");
        }
    }

    @Test
    void aStreamLoadsTheRelationsOfEachChunkOfRows() {
        try (Session session = engine.openSession();
                java.util.stream.Stream<Host> stream = session.query(Host.class).stream()) {
            List<Host> hosts = stream.toList();

            assertThat(hosts).hasSize(HOSTS).allSatisfy(host -> assertThat(host.getDatacenter()).isNotNull());
            int expected = engine.dialect().statementsWhileStreaming()
                    ? 1 + (HOSTS + 255) / 256 // the datacenters of each chunk of 256 rows
                    : 2;                       // MySQL reads the whole result first, then loads once
            assertThat(statements.take()).as("on %s", db).hasSize(expected);
        }
    }

    @Test
    void moreThanAThousandKeysAreLoadedInChunksNotOneByOne() {
        try (Session session = engine.openSession()) {
            List<Datacenter> datacenters = new ArrayList<>();
            for (int i = 0; i < 1100; i++) {
                datacenters.add(new Datacenter("dc-" + i, "r"));
                session.add(datacenters.get(i));
            }
            session.flush();
            for (int i = 0; i < 1100; i++) {
                Host host = new Host("h-" + i);
                host.datacenter = datacenters.get(i);
                session.add(host);
            }
            session.commit();
        }
        statements.clear();
        try (Session session = engine.openSession()) {
            List<Host> hosts = session.query(Host.class).filter(io.quarry.sql.Sql.col("hostname").like("h-%")).all();

            assertThat(hosts).hasSize(1100);
            assertThat(statements.take()).as("hosts, then 1,100 datacenters in two chunks, on %s", db).hasSize(3);
            assertThat(hosts.stream().map(h -> h.getDatacenter().getName()).collect(Collectors.toSet())).hasSize(1100);
        }
    }
}
