package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.relations.Datacenter;
import io.quarry.relations.Host;
import io.quarry.sql.Sql;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A held object that expired (refresh, rollback) is reloaded in place by the next read of its row: the
 * same instance with the row's values for an entity with relations, the record rebuilt in its place for
 * a record.
 */
@CrossDatabaseTest
class ExpiredObjectsReloadIT {

    private final TestDatabase db;
    private Engine engine;

    ExpiredObjectsReloadIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        engine = Engine.builder(db.dataSource()).build();
        dropTables();
        engine.createAll(Host.class);
        engine.createAll(Gadget.class);
        try (Session session = engine.openSession()) {
            session.addAll(new Datacenter("fra-1", "eu"), new Datacenter("iad-1", "us"));
            session.add(new Gadget(null, "lamp", 3));
            session.commit();
        }
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Host.class, Datacenter.class, io.quarry.relations.Tag.class);
        engine.dropAll(Gadget.class);
    }

    private static Datacenter datacenter(Session session, String name) {
        return session.query(Datacenter.class).filterBy("name", name).one();
    }

    private static Gadget gadget(Session session, String name) {
        return session.query(Gadget.class).filterBy("name", name).one();
    }

    @Test
    void refreshReloadsAnObjectWithRelationsInPlaceWithItsRowsValues() {
        try (Session session = engine.openSession()) {
            Datacenter fra = datacenter(session, "fra-1");
            assertThat(session.execute("update rl_datacenter set region = 'apac' where name = 'fra-1'")).isEqualTo(1);
            assertThat(fra.getRegion()).as("raw SQL leaves held objects alone").isEqualTo("eu");

            session.refresh(fra);

            assertThat(fra.getRegion()).as("on %s", db).isEqualTo("apac");
            assertThat(datacenter(session, "fra-1")).isSameAs(fra);
            assertThat(session.isDirty()).as("the reloaded values are the snapshot").isFalse();
        }
    }

    @Test
    void aQueryAfterARollbackReloadsHeldObjectsWithRelationsInPlace() {
        try (Session session = engine.openSession()) {
            Datacenter fra = datacenter(session, "fra-1");
            Datacenter iad = datacenter(session, "iad-1");
            fra.setRegion("changed in memory");
            session.rollback();
            try (Session other = engine.openSession()) {
                other.execute("update rl_datacenter set region = 'emea' where name = 'fra-1'");
                other.commit();
            }

            assertThat(session.query(Datacenter.class).orderBy(Sql.asc("name")).all()).containsExactly(fra, iad);

            assertThat(session.query(Datacenter.class).orderBy(Sql.asc("name")).all().get(0)).isSameAs(fra);
            assertThat(fra.getRegion()).as("on %s", db).isEqualTo("emea");
            assertThat(iad.getRegion()).isEqualTo("us");
            assertThat(session.isDirty()).isFalse();
        }
    }

    @Test
    void refreshPutsTheReloadedRecordInPlaceOfTheHeldOne() {
        try (Session session = engine.openSession()) {
            Gadget lamp = gadget(session, "lamp");
            UUID id = lamp.id();
            session.execute("update s3_gadget set weight = 5 where name = 'lamp'");

            session.refresh(lamp);

            Gadget reloaded = session.get(Gadget.class, id);
            assertThat(reloaded.weight()).as("on %s", db).isEqualTo(5);
            assertThat(gadget(session, "lamp")).isSameAs(reloaded);
            assertThat(session.contains(reloaded)).isTrue();
            assertThat(session.isDirty()).isFalse();
        }
    }
}
