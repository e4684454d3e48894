package io.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToMany;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a flush writes for collections: the join rows of a changed many-to-many once (the snapshot
 * then holds what was written, and a rollback puts the old one back), the error for an element
 * without an id, and the children a cascaded delete reaches (loaded in one statement, pending ones
 * never inserted, ones deleted by hand not revived).
 */
@CrossDatabaseTest
class CollectionFlushIT {

    /** A many-to-many that saves nothing: its new elements must be added by hand. */
    @Entity
    @Table(name = "cf_student")
    static class Student {
        @Id @GeneratedValue Long id;
        String name = "ann";
        @ManyToMany(joinTable = "cf_student_course", joinColumn = "student_id", inverseJoinColumn = "course_id",
                cascade = {})
        Set<Course> courses = new LinkedHashSet<>();
    }

    /** An id assigned by the application, and a reference that saves nothing. */
    @Entity
    @Table(name = "cf_badge")
    static class Badge {
        @Id Long id;
        @ManyToOne(cascade = {}) Course course;
    }

    @Entity
    @Table(name = "cf_course")
    static class Course {
        @Id @GeneratedValue Long id;
        String title;

        @Override
        public String toString() {
            return "Course " + title;
        }
    }

    private final TestDatabase db;
    private final Engine engine;
    private final Statements statements = new Statements();
    private long hostId;
    private long fraId;
    private long iadId;

    CollectionFlushIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    /** Datacenters fra-1 (hosts a, b) and iad-1 (host c), tags web, db, cache; host a tagged web. */
    @BeforeEach
    void seed() {
        engine.dropAll(Host.class, Datacenter.class, Tag.class);
        engine.createAll(Host.class);
        try (Session session = engine.openSession()) {
            Datacenter fra = new Datacenter("fra-1", "eu").addHost(new Host("a")).addHost(new Host("b"));
            Datacenter iad = new Datacenter("iad-1", "us").addHost(new Host("c"));
            Tag web = new Tag("web");
            session.addAll(fra, iad, web, new Tag("db"), new Tag("cache"));
            fra.getHosts().get(0).tags.add(web);
            session.commit();
            hostId = fra.getHosts().get(0).id;
            fraId = fra.id;
            iadId = iad.id;
        }
        engine.addStatementListener(statements);
    }

    @AfterEach
    void dropTables() {
        engine.removeStatementListener(statements);
        engine.dropAll(Host.class, Datacenter.class, Tag.class);
    }

    private static Tag tag(Session session, String name) {
        return session.query(Tag.class).filterBy("name", name).one();
    }

    private List<String> tagsOfHostA() {
        try (Session session = engine.openSession()) {
            return session.sqlQuery("select t.name from rl_host_tag ht join rl_tag t on t.id = ht.tag_id"
                    + " where ht.host_id = :host order by t.name", String.class, Map.of("host", hostId));
        }
    }

    private List<String> hostnames() {
        try (Session session = engine.openSession()) {
            return session.sqlQuery("select hostname from rl_host order by hostname", String.class);
        }
    }

    @Test
    void aTagAddedToALoadedSetIsWrittenOnceAndASecondFlushWritesNothing() {
        try (Session session = engine.openSession()) {
            Host host = session.query(Host.class).with("tags").filterBy("hostname", "a").one();
            host.getTags().add(tag(session, "db"));
            statements.clear();

            session.flush();
            assertThat(statements.take()).as("on %s", db).singleElement().asString()
                    .startsWith("insert into rl_host_tag");
            session.flush();
            assertThat(statements.take()).as("the snapshot now holds what was written").isEmpty();
            session.commit();
        }
        assertThat(tagsOfHostA()).containsExactly("db", "web");
    }

    @Test
    void aTagReplacedByAnotherIsWrittenOnceAndASecondFlushWritesNothing() {
        try (Session session = engine.openSession()) {
            Host host = session.query(Host.class).with("tags").filterBy("hostname", "a").one();
            Tag cache = tag(session, "cache");
            host.getTags().clear();
            host.getTags().add(cache);
            statements.clear();

            session.flush();
            assertThat(statements.take()).as("on %s", db).hasSize(2);
            session.flush();
            assertThat(statements.take()).as("the same size, other elements: the snapshot was replaced").isEmpty();
            session.commit();
        }
        assertThat(tagsOfHostA()).containsExactly("cache");
    }

    @Test
    void anUnloadedSetReplacedByANewOneIsWrittenAsAddedOnly() {
        try (Session session = engine.openSession()) {
            Host host = session.query(Host.class).filterBy("hostname", "a").one();
            host.tags = new LinkedHashSet<>(List.of(tag(session, "db")));
            statements.clear();

            session.flush();
            assertThat(statements.take()).as("on %s", db).singleElement().asString()
                    .startsWith("insert into rl_host_tag");
            session.flush();
            assertThat(statements.take()).isEmpty();
            session.commit();
        }
        assertThat(tagsOfHostA()).as("nothing was known to remove").containsExactly("db", "web");
    }

    @Test
    void aRollbackPutsTheSnapshotBackSoTheNextCommitWritesTheJoinRowAgain() {
        try (Session session = engine.openSession()) {
            Host host = session.query(Host.class).with("tags").filterBy("hostname", "a").one();
            host.getTags().add(tag(session, "db"));
            session.flush();
            session.rollback();
            assertThat(tagsOfHostA()).containsExactly("web");

            session.commit();
        }
        assertThat(tagsOfHostA()).containsExactly("db", "web");
    }

    @Test
    void aNewElementOfACollectionThatDoesNotCascadeSaveFailsNamingTheRelationAndTheElement() {
        engine.createAll(Student.class);
        try (Session session = engine.openSession()) {
            Student ann = new Student();
            session.add(ann);
            session.flush();
            Course fresh = new Course();
            fresh.title = "algebra";
            ann.courses.add(fresh);

            assertThatThrownBy(session::flush)
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("Cannot write relation 'Student.courses': an element (Course algebra) has no "
                            + "id; add it to the session (cascade SAVE does so) before the flush");
        } finally {
            engine.dropAll(Student.class, Course.class);
        }
    }

    @Test
    void aNewObjectWithAnAssignedIdReferringToAnUnsavedOneFailsNamingItsId() {
        engine.createAll(Badge.class);
        try (Session session = engine.openSession()) {
            Badge badge = new Badge();
            badge.id = 7L;
            badge.course = new Course();
            session.add(badge);

            assertThatThrownBy(session::flush)
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("Cannot write Badge 7: relation 'Badge.course' refers to a Course that has "
                            + "no id yet and is not saved with it");
        } finally {
            engine.dropAll(Badge.class, Course.class);
        }
    }

    @Test
    void aPersistentObjectGivenAnUnsavedReferenceFailsInsteadOfDroppingIt() {
        engine.createAll(Badge.class);
        try (Session session = engine.openSession()) {
            Badge badge = new Badge();
            badge.id = 8L;
            session.add(badge);
            session.commit();
            badge.course = new Course();

            assertThatThrownBy(session::flush)
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("Cannot write Badge 8: relation 'Badge.course' refers to a Course that has "
                            + "no id yet and is not saved with it");
        } finally {
            engine.dropAll(Badge.class, Course.class);
        }
    }

    @Test
    void aLoadedHostMovedToANewDatacenterIsWrittenWithTheNewDatacentersGeneratedId() {
        long newId;
        try (Session session = engine.openSession()) {
            Host host = session.get(Host.class, hostId);
            Datacenter fresh = new Datacenter("ams-1", "eu");
            host.datacenter = fresh;
            session.commit();
            newId = fresh.id;
        }
        try (Session session = engine.openSession()) {
            assertThat(session.get(Host.class, hostId).getDatacenter().id).isEqualTo(newId);
        }
    }

    @Test
    void aNewObjectWithoutIdReferringToAnUnsavedOneFailsCallingItNew() {
        engine.createAll(RelationWritingIT.Member.class);
        try (Session session = engine.openSession()) {
            RelationWritingIT.Member ann = new RelationWritingIT.Member("ann");
            ann.team = new RelationWritingIT.Team("red");
            session.add(ann);

            assertThatThrownBy(session::flush)
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("Cannot write Member (new): relation 'Member.team' refers to a Team that has "
                            + "no id yet");
        } finally {
            engine.dropAll(RelationWritingIT.Member.class, RelationWritingIT.Team.class);
        }
    }

    @Test
    void deletingAsManyHostsAsTheBatchSizeRemovesTheirJoinRowsInOneBatch() {
        Engine batchesOfTwo = Engine.builder(db.dataSource()).batchSize(2).statementListener(statements).build();
        try (Session session = batchesOfTwo.openSession()) {
            session.query(Host.class).all().stream().filter(host -> !host.getHostname().equals("c"))
                    .forEach(session::delete);
            statements.clear();

            session.commit();
            assertThat(statements.take()).as("on %s", db).filteredOn(s -> s.contains("rl_host_tag"))
                    .containsExactly("delete from rl_host_tag where host_id = ?");
        }
        assertThat(tagsOfHostA()).isEmpty();
        assertThat(hostnames()).containsExactly("c");
    }

    @Test
    void deletingDatacentersReadOneByOneLoadsTheirHostsInOneStatementAndDeletesThem() {
        try (Session session = engine.openSession()) {
            Datacenter fra = session.get(Datacenter.class, fraId);
            Datacenter iad = session.get(Datacenter.class, iadId);
            session.delete(fra);
            session.delete(iad);
            statements.clear();

            session.flush();
            List<String> sql = statements.take();
            assertThat(sql.stream().filter(s -> s.startsWith("select")).toList()).as("on %s: %s", db, sql)
                    .singleElement().asString().contains("from rl_host");
            session.commit();
        }
        assertThat(hostnames()).isEmpty();
    }

    @Test
    void aDeletedDatacenterWhoseHostsFieldWasSetToNullStillTakesItsHostsAlong() {
        try (Session session = engine.openSession()) {
            Datacenter fra = session.get(Datacenter.class, fraId);
            fra.hosts = null;
            session.delete(fra);
            session.commit();
        }
        assertThat(hostnames()).containsExactly("c");
    }

    @Test
    void aPendingHostInTheHostsOfADeletedDatacenterIsNeverInserted() {
        try (Session session = engine.openSession()) {
            Datacenter fra = session.query(Datacenter.class).with("hosts").filterBy("name", "fra-1").one();
            Host fresh = new Host("fresh");
            fresh.datacenter = fra;
            session.add(fresh);
            fra.getHosts().add(fresh);
            session.delete(fra);
            session.commit();
        }
        assertThat(hostnames()).containsExactly("c");
    }

    @Test
    void aHostDeletedWhileItsDatacentersLoadedHostsStillHoldItIsDeleted() {
        try (Session session = engine.openSession()) {
            Datacenter fra = session.query(Datacenter.class).with("hosts").filterBy("name", "fra-1").one();
            Host b = fra.getHosts().get(1);
            session.delete(b);
            session.commit();
        }
        assertThat(hostnames()).containsExactly("a", "c");
    }
}
