package io.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.ConstraintViolationException;
import io.quarry.QuarryException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.OneToMany;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.session.Row;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writing related objects: cascaded inserts in batches with foreign keys from generated ids, flush
 * order from foreign keys, collections diffed against what was loaded, orphans, many-to-many rows,
 * cascaded deletes, and the errors when a relation cannot be written.
 */
@CrossDatabaseTest
class RelationWritingIT {

    /** A one-to-many without orphan delete: a member removed from the team keeps its row, without team. */
    @Entity
    @Table(name = "rl_team")
    static class Team {
        @Id @GeneratedValue Long id;
        String name;
        @OneToMany(mappedBy = "team") List<Member> members = new ArrayList<>();

        Team() {
        }

        Team(String name) {
            this.name = name;
        }
    }

    /** Sorts before rl_team by name, so only foreign-key order inserts the team first. */
    @Entity
    @Table(name = "rl_member")
    static class Member {
        @Id @GeneratedValue Long id;
        String name;
        @ManyToOne(cascade = {}) Team team;

        Member() {
        }

        Member(String name) {
            this.name = name;
        }
    }

    private final TestDatabase db;
    private final Engine engine;
    private final Statements statements = new Statements();

    RelationWritingIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    @BeforeEach
    void createTables() {
        dropTables();
        engine.createAll(Host.class, Member.class);
        engine.addStatementListener(statements);
    }

    @AfterEach
    void dropTables() {
        engine.removeStatementListener(statements);
        engine.dropAll(Host.class, Datacenter.class, Tag.class, Member.class, Team.class);
    }

    @Test
    void addingAGraphInsertsItInAConstantNumberOfBatches() {
        try (Session session = engine.openSession()) {
            List<Tag> tags = List.of(new Tag("web"), new Tag("db"), new Tag("cache"));
            for (int d = 0; d < 100; d++) {
                Datacenter datacenter = new Datacenter("dc-" + d, d % 2 == 0 ? "eu" : "us");
                for (int h = 0; h < 10; h++) {
                    Host host = new Host("host-" + d + "-" + h);
                    host.getTags().addAll(tags);
                    datacenter.addHost(host);
                }
                session.add(datacenter);
            }
            session.commit();
        }

        List<String> sql = statements.take();
        assertThat(sql).as("datacenters, tags, hosts, then 3,000 join rows in batches of 1,000 on %s: %s", db, sql)
                .hasSize(6);
        try (Session session = engine.openSession()) {
            assertThat(count(session, "rl_datacenter")).isEqualTo(100);
            assertThat(count(session, "rl_host")).isEqualTo(1000);
            assertThat(count(session, "rl_host_tag")).isEqualTo(3000);
            List<Row> wrong = session.sqlRows("select h.id from rl_host h join rl_datacenter d on d.id = h.datacenter_id "
                    + "where h.hostname not like concat(concat('host-', substring(d.name, 4)), '-%')", Map.of());
            assertThat(wrong).as("every host points at its own datacenter").isEmpty();
        }
    }

    @Test
    void aHostAddedToTheCollectionGetsItsDatacenterFromIt() {
        long datacenterId = saveDatacenterWithHosts("fra-1", 2);
        try (Session session = engine.openSession()) {
            Datacenter datacenter = session.get(Datacenter.class, datacenterId);
            Host added = new Host("added");
            datacenter.getHosts().add(added);
            session.commit();

            assertThat(added.getDatacenter()).isSameAs(datacenter);
        }
        try (Session session = engine.openSession()) {
            Datacenter datacenter = session.get(Datacenter.class, datacenterId);
            assertThat(datacenter.getHosts()).extracting(Host::getHostname).containsExactly("fra-1-0", "fra-1-1", "added");
        }
    }

    @Test
    void aHostRemovedFromAnOrphanDeletingCollectionIsDeleted() {
        long datacenterId = saveDatacenterWithHosts("fra-1", 3);
        try (Session session = engine.openSession()) {
            Datacenter datacenter = session.get(Datacenter.class, datacenterId);
            datacenter.getHosts().remove(1);
            statements.clear();
            session.commit();

            assertThat(statements.take()).as("one delete on %s", db).hasSize(2); // the join rows, then the host
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Host.class).all()).extracting(Host::getHostname).containsExactly("fra-1-0", "fra-1-2");
        }
    }

    @Test
    void aMemberRemovedFromACollectionWithoutOrphanDeleteLosesItsTeam() {
        long teamId;
        try (Session session = engine.openSession()) {
            Team team = new Team("red");
            session.add(team);
            session.flush();
            for (String name : List.of("ann", "bob")) {
                Member member = new Member(name);
                member.team = team;
                session.add(member);
            }
            session.commit();
            teamId = team.id;
        }
        try (Session session = engine.openSession()) {
            Team team = session.get(Team.class, teamId);
            team.members.removeIf(member -> member.name.equals("bob"));
            session.commit();
        }
        try (Session session = engine.openSession()) {
            Member bob = session.query(Member.class).filterBy("name", "bob").one();
            assertThat(bob.team).isNull();
            assertThat(session.get(Team.class, teamId).members).extracting(m -> m.name).containsExactly("ann");
        }
    }

    @Test
    void tagsAddedAndRemovedChangeOnlyTheirJoinRows() {
        long datacenterId = saveDatacenterWithHosts("fra-1", 1);
        try (Session session = engine.openSession()) {
            session.add(new Tag("spare"));
            session.commit();
        }
        try (Session session = engine.openSession()) {
            Host host = session.get(Datacenter.class, datacenterId).getHosts().get(0);
            Tag spare = session.query(Tag.class).filterBy("name", "spare").one();
            Tag web = host.getTags().stream().filter(t -> t.getName().equals("web")).findFirst().orElseThrow();
            host.getTags().remove(web);
            host.getTags().add(spare);
            statements.clear();
            session.commit();

            List<String> sql = statements.take();
            assertThat(sql).as("one delete and one insert of join rows on %s: %s", db, sql).hasSize(2);
        }
        try (Session session = engine.openSession()) {
            Host host = session.query(Host.class).with(Host::getTags).one();
            assertThat(host.getTags()).extracting(Tag::getName).containsExactlyInAnyOrder("db", "spare");
        }
    }

    @Test
    void deletingADatacenterDeletesItsHostsOneStatementPerTable() {
        long datacenterId = saveDatacenterWithHosts("fra-1", 50);
        try (Session session = engine.openSession()) {
            Datacenter datacenter = session.get(Datacenter.class, datacenterId);
            statements.clear();
            session.delete(datacenter);
            session.commit();

            List<String> sql = statements.take();
            assertThat(sql).as("load the hosts, delete their tags, the hosts, the datacenter on %s: %s", db, sql)
                    .hasSize(4);
        }
        try (Session session = engine.openSession()) {
            assertThat(count(session, "rl_host")).isZero();
            assertThat(count(session, "rl_host_tag")).isZero();
            assertThat(count(session, "rl_tag")).as("tags are shared, never cascaded").isEqualTo(2);
        }
    }

    @Test
    void deletingATeamThatStillHasMembersNamesTheRelation() {
        long teamId;
        try (Session session = engine.openSession()) {
            Team team = new Team("red");
            Member member = new Member("ann");
            team.members.add(member);
            session.add(team);
            session.add(member);
            session.commit();
            teamId = team.id;
        }
        try (Session session = engine.openSession()) {
            session.delete(session.get(Team.class, teamId));

            assertThatThrownBy(session::commit)
                    .isInstanceOf(ConstraintViolationException.class)
                    .hasMessageContaining("a Team is still referred to by Member.team")
                    .hasMessageContaining("cascade = DELETE");
        }
    }

    @Test
    void aReferenceToANewObjectThatIsNotSavedFailsNamingTheRelation() {
        try (Session session = engine.openSession()) {
            Member member = new Member("ann");
            member.team = new Team("red");
            session.add(member);

            assertThatThrownBy(session::flush)
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("relation 'Member.team' refers to a Team that has no id yet");
        }
    }

    @Test
    void newHostsThatAreReplicasOfNewHostsAreInsertedParentsFirst() {
        try (Session session = engine.openSession()) {
            Host primary = new Host("primary");
            Host replica = new Host("replica");
            Host second = new Host("second-replica");
            replica.setReplicaOf(primary);
            second.setReplicaOf(replica);
            session.addAll(second, replica, primary);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            Host second = session.query(Host.class).filterBy("hostname", "second-replica").one();
            assertThat(second.getReplicaOf().getHostname()).isEqualTo("replica");
            assertThat(second.getReplicaOf().getReplicaOf().getHostname()).isEqualTo("primary");
        }
    }

    @Test
    void newHostsThatAreReplicasOfEachOtherAreRefused() {
        try (Session session = engine.openSession()) {
            Host left = new Host("left");
            Host right = new Host("right");
            left.setReplicaOf(right);
            right.setReplicaOf(left);
            session.addAll(left, right);

            assertThatThrownBy(session::flush)
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("refer to each other in a cycle");
        }
    }

    @Test
    void aRolledBackGraphCanBeAddedAgain() {
        Datacenter datacenter = new Datacenter("fra-1", "eu");
        datacenter.addHost(new Host("web-1")).addHost(new Host("web-2"));
        try (Session session = engine.openSession()) {
            session.add(datacenter);
            session.flush();
            session.rollback();
        }
        assertThat(datacenter.getId()).isNull();
        try (Session session = engine.openSession()) {
            session.add(datacenter);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(count(session, "rl_host")).isEqualTo(2);
        }
    }

    @Test
    void mergingADetachedHostMovesItToTheDatacenterItNowRefersTo() {
        long fra = saveDatacenterWithHosts("fra-1", 1);
        long iad = saveDatacenterWithHosts("iad-1", 0);
        Host detached;
        Datacenter target;
        try (Session session = engine.openSession()) {
            detached = session.get(Datacenter.class, fra).getHosts().get(0);
            target = session.get(Datacenter.class, iad);
        }
        detached.setDatacenter(target);

        try (Session session = engine.openSession()) {
            session.merge(detached);
            session.commit();
        }

        try (Session session = engine.openSession()) {
            assertThat(session.get(Datacenter.class, iad).getHosts()).extracting(Host::getHostname)
                    .containsExactly("fra-1-0");
        }
    }

    private long saveDatacenterWithHosts(String name, int hosts) {
        try (Session session = engine.openSession()) {
            Tag web = new Tag("web");
            Tag database = new Tag("db");
            Datacenter datacenter = new Datacenter(name, "eu");
            for (int i = 0; i < hosts; i++) {
                Host host = new Host(name + "-" + i);
                host.getTags().add(web);
                host.getTags().add(database);
                datacenter.addHost(host);
            }
            session.add(datacenter);
            session.commit();
            statements.clear();
            return datacenter.getId();
        }
    }

    private static long count(Session session, String table) {
        return ((Number) session.sqlRows("select count(*) from " + table, Map.of()).get(0).get(0)).longValue();
    }
}
