package io.quarry.relations;

import static io.quarry.sql.Sql.any;
import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static io.quarry.sql.Sql.has;
import static io.quarry.sql.Sql.not;
import static io.quarry.sql.Sql.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.session.Engine;
import io.quarry.session.Row;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queries across relations: filtering through a reference path (a LEFT JOIN), by a collection
 * (EXISTS, each owner once), grouping and ordering by a related column, and the joined strategy
 * (references in the same statement), with exact statement counts.
 */
@CrossDatabaseTest
class RelationQueryIT {

    private static final int HOSTS = 1000;

    private final TestDatabase db;
    private final Engine engine;
    private final Statements statements = new Statements();

    RelationQueryIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    /** 1,000 hosts over fra-1, fra-2 (eu) and iad-1 (us), tagged web / web, db / web, db, cache; ams-1 has none; one host has no datacenter. */
    @BeforeEach
    void seed() {
        engine.dropAll(Rack.class, Host.class, Datacenter.class, Tag.class);
        engine.createAll(Host.class, Rack.class);
        try (Session session = engine.openSession()) {
            List<Datacenter> datacenters = List.of(new Datacenter("fra-1", "eu"), new Datacenter("fra-2", "eu"),
                    new Datacenter("iad-1", "us"));
            datacenters.forEach(session::add);
            session.add(new Datacenter("ams-1", "eu"));
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
            session.add(new Host("orphan"));
            for (int i = 0; i < 30; i++) {
                session.add(new Rack("rack-" + i, datacenters.get(i % 3)));
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
        engine.dropAll(Rack.class, Host.class, Datacenter.class, Tag.class);
    }

    @Test
    void filteringAThousandHostsByTheirDatacentersRegionTakesTheQueryAndOneStatementForTheReferences() {
        try (Session session = engine.openSession()) {
            List<Host> hosts = session.query(Host.class)
                    .filter(path(Host::getDatacenter, Datacenter::getRegion).eq("eu")).all();

            List<String> sql = statements.take();
            assertThat(sql).as("hosts joined to datacenters, then the datacenters by IN, on %s: %s", db, sql).hasSize(2);
            assertThat(sql.get(0)).contains("left join rl_datacenter j1");
            assertThat(hosts).hasSize(334 + 333);
            assertThat(hosts).allSatisfy(host -> assertThat(host.getDatacenter().getRegion()).isEqualTo("eu"));
        }
    }

    @Test
    void aStringPathFiltersAndCountsTheSame() {
        try (Session session = engine.openSession()) {
            long count = session.query(Host.class).filter(col("datacenter.name").eq("iad-1")).count();
            List<Host> orphans = session.query(Host.class).filter(col("datacenter.region").isNull()).all();

            assertThat(count).isEqualTo(333);
            assertThat(orphans).as("a LEFT JOIN keeps the host without a datacenter").extracting(Host::getHostname)
                    .containsExactly("orphan");
            assertThat(statements.take()).as("one count, one query (nothing referenced) on %s", db).hasSize(2);
        }
    }

    @Test
    void anyReturnsEachDatacenterOnceHoweverManyOfItsHostsMatch() {
        try (Session session = engine.openSession()) {
            List<Datacenter> all = session.query(Datacenter.class)
                    .filter(any(Datacenter::getHosts, col(Host::getHostname).like("host-00%")))
                    .orderBy(asc(Datacenter::getName)).all();
            List<Datacenter> one = session.query(Datacenter.class)
                    .filter(any(Datacenter::getHosts, col(Host::getHostname).in("host-0001", "host-0004"))).all();
            List<Datacenter> empty = session.query(Datacenter.class).filter(not(any(Datacenter::getHosts))).all();

            assertThat(all).extracting(Datacenter::getName).containsExactly("fra-1", "fra-2", "iad-1");
            assertThat(one).extracting(Datacenter::getName).containsExactly("fra-2");
            assertThat(empty).extracting(Datacenter::getName).containsExactly("ams-1");
            assertThat(statements.take()).as("one statement each on %s", db).hasSize(3);
        }
    }

    @Test
    void anyThroughAManyToManyFromEitherSide() {
        try (Session session = engine.openSession()) {
            long tagged = session.query(Host.class).filter(any(Host::getTags, col(Tag::getName).eq("db"))).count();
            List<Tag> ofFirstHost = session.query(Tag.class)
                    .filter(any(Tag::getHosts, col(Host::getHostname).eq("host-0000"))).all();
            List<Host> eu = session.query(Host.class)
                    .filter(any(Host::getTags, col(Tag::getName).eq("cache")),
                            has(Host::getDatacenter, col(Datacenter::getName).eq("iad-1"))).all();

            assertThat(tagged).isEqualTo(333 + 333);
            assertThat(ofFirstHost).extracting(Tag::getName).containsExactly("web");
            assertThat(eu).hasSize(333).allSatisfy(host -> assertThat(host.getDatacenter().getName()).isEqualTo("iad-1"));
            assertThat(statements.take()).as("count, tags, hosts + their datacenters on %s", db).hasSize(4);
        }
    }

    @Test
    void hostsPerRegionGroupByARelatedColumn() {
        try (Session session = engine.openSession()) {
            List<Row> rows = session.select(path(Host::getDatacenter, Datacenter::getRegion), count())
                    .groupBy(path(Host::getDatacenter, Datacenter::getRegion))
                    .filter(col(Host::getHostname).startsWith("host-"))
                    .orderBy(asc(path(Host::getDatacenter, Datacenter::getRegion))).all();

            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getString(0)).isEqualTo("eu");
            assertThat(rows.get(0).getLong(1)).isEqualTo(667);
            assertThat(rows.get(1).getString(0)).isEqualTo("us");
            assertThat(rows.get(1).getLong(1)).isEqualTo(333);
            assertThat(rows.get(0).labels()).containsExactly("datacenter.region", "count");
            assertThat(statements.take()).hasSize(1);
        }
    }

    @Test
    void entitiesOrderByARelatedColumn() {
        try (Session session = engine.openSession()) {
            List<Host> hosts = session.query(Host.class).filter(col(Host::getHostname).startsWith("host-"))
                    .orderBy(io.quarry.sql.Sql.desc(path(Host::getDatacenter, Datacenter::getName)), asc(Host::getHostname))
                    .limit(2).all();

            assertThat(hosts).extracting(Host::getHostname).containsExactly("host-0002", "host-0005");
            assertThat(statements.take()).as("hosts, their one datacenter on %s", db).hasSize(2);
        }
    }

    @Test
    void toSqlShowsTheJoinsAndTheSubqueries() {
        try (Session session = engine.openSession()) {
            String sql = session.query(Host.class).filter(col("datacenter.region").eq("eu"),
                    any(Host::getTags, col(Tag::getName).eq("db"))).withJoined(Host::getDatacenter).toSql().sql();

            assertThat(sql).contains("left join rl_datacenter j1 on j1.id = rl_host.datacenter_id")
                    .contains("exists (select 1 from rl_host_tag s1 join rl_tag s2 on s2.id = s1.tag_id")
                    .containsOnlyOnce("left join");
            assertThat(statements.take()).isEmpty();
        }
    }

    @Test
    void joinedLoadsAThousandHostsWithTheirDatacentersInOneStatement() {
        try (Session session = engine.openSession()) {
            List<Host> hosts = session.query(Host.class).withJoined(Host::getDatacenter).all();

            List<String> sql = statements.take();
            assertThat(sql).as("on %s: %s", db, sql).hasSize(1);
            assertThat(hosts).hasSize(HOSTS + 1);
            Set<Datacenter> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            hosts.stream().filter(host -> host.getDatacenter() != null).forEach(host -> distinct.add(host.getDatacenter()));
            assertThat(distinct).as("one object per datacenter row").hasSize(3);
            assertThat(hosts.stream().filter(host -> host.getDatacenter() == null)).extracting(Host::getHostname)
                    .containsExactly("orphan");
            Host fourth = hosts.stream().filter(h -> h.getHostname().equals("host-0004")).findFirst().orElseThrow();
            assertThat(fourth.getDatacenter().getName()).isEqualTo("fra-2");
            assertThat(session.get(Datacenter.class, fourth.getDatacenter().getId())).isSameAs(fourth.getDatacenter());
            assertThat(fourth.getDatacenter().getHosts()).as("a collection of a joined object loads on access").hasSize(333);
            assertThat(statements.take()).hasSize(1);
        }
    }

    @Test
    void joinedKeepsOneObjectPerRowInAReadOnlyQueryToo() {
        try (Session session = engine.openSession()) {
            List<Host> hosts = session.query(Host.class).filter(col("datacenter.region").eq("eu"))
                    .withJoined("datacenter").readOnly().all();

            assertThat(hosts).hasSize(667);
            Set<Datacenter> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            hosts.forEach(host -> distinct.add(host.getDatacenter()));
            assertThat(distinct).hasSize(2);
            assertThat(statements.take()).hasSize(1);
        }
    }

    @Test
    void aReferenceDeclaredJoinedLoadsInTheSameStatementAndSelectinElsewhere() {
        try (Session session = engine.openSession()) {
            List<Rack> racks = session.query(Rack.class).filter(col("datacenter.region").eq("eu")).all();

            assertThat(racks).hasSize(20).allSatisfy(rack -> assertThat(rack.getDatacenter().getRegion()).isEqualTo("eu"));
            List<String> sql = statements.take();
            assertThat(sql).as("on %s: %s", db, sql).hasSize(1);
            assertThat(sql.get(0)).containsOnlyOnce("left join");
        }
        try (Session session = engine.openSession()) {
            Rack rack = session.get(Rack.class, 1L);

            assertThat(rack.getDatacenter()).isNotNull();
            assertThat(statements.take()).as("get reads by id, then the datacenter by IN").hasSize(2);
        }
    }

    @Test
    void aJoinedPathOfTwoReferencesLoadsInOneStatement() {
        try (Session session = engine.openSession()) {
            Host primary = session.query(Host.class).filterBy("hostname", "host-0000").one();
            session.query(Host.class).filterBy("hostname", "host-0001").one().setReplicaOf(primary);
            session.commit();
        }
        statements.clear();
        try (Session session = engine.openSession()) {
            Host replica = session.query(Host.class).filterBy("hostname", "host-0001")
                    .withJoined("replicaOf.datacenter").withJoined(Host::getDatacenter).one();

            assertThat(replica.getReplicaOf().getHostname()).isEqualTo("host-0000");
            assertThat(replica.getReplicaOf().getDatacenter().getName()).isEqualTo("fra-1");
            assertThat(replica.getDatacenter().getName()).isEqualTo("fra-2");
            assertThat(statements.take()).as("on %s", db).hasSize(1);
        }
    }

    @Test
    void unknownPathsAndNonRelationsFailBeforeAnySqlIsSent() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Host.class).filter(col("datacentr.region").eq("eu")))
                    .isInstanceOf(QuarryException.class).hasMessageContaining("did you mean 'datacenter'?");
            assertThatThrownBy(() -> session.query(Host.class).orderBy(asc("datacenter.nmae")))
                    .hasMessageContaining("did you mean 'name'?");
            assertThatThrownBy(() -> session.query(Host.class).filter(col("hostname.size").eq(1)))
                    .hasMessageContaining("Host.hostname is a column, not a relation");
            assertThatThrownBy(() -> session.query(Datacenter.class).filter(any("hosts", col("hostnam").eq("a"))))
                    .hasMessageContaining("did you mean 'hostname'?");
            assertThatThrownBy(() -> session.query(Host.class).withJoined("tags"))
                    .hasMessageContaining("withJoined(\"tags\"): Host.tags is a collection");
            assertThatThrownBy(() -> session.query(Host.class).withJoined("datacentre"))
                    .hasMessageContaining("did you mean 'datacenter'?");
            assertThatThrownBy(() -> session.select(col("datacenter.region"), count()))
                    .hasMessageContaining("select(Entity.class, col(\"datacenter.region\"), ...)");
            assertThat(statements.take()).isEmpty();
        }
    }

    @Test
    void aBulkDeleteFiltersByAReferenceWithHas() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Host.class).filter(col("datacenter.name").eq("iad-1")).delete())
                    .hasMessageContaining("has(");
            session.execute("delete from rl_host_tag");
            int deleted = session.query(Host.class).filter(has(Host::getDatacenter, col(Datacenter::getName).eq("iad-1")))
                    .delete();
            session.commit();

            assertThat(deleted).isEqualTo(333);
        }
    }
}
