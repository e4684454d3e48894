package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.ConstraintViolationException;
import io.quarry.QuarryException;
import io.quarry.SessionStateException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.mapping.Version;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the session remembers of a transaction and forgets at its end: ids freed by deletes and
 * rollbacks, versions put back by a rollback, objects a clear() or a commit let go of; and the
 * row a flush matches when fields the WHERE clause uses were changed by hand.
 */
@CrossDatabaseTest
class TransactionBookkeepingIT {

    /** A versioned record: a change of version is a new copy the session must point at. */
    @Entity
    @Table(name = "s3_tb_gauge")
    record Gauge(@Id @GeneratedValue Long id, int level, @Version Integer version) {
    }

    private final TestDatabase db;
    private final RecordedStatements statements = new RecordedStatements();
    private Engine engine;

    TransactionBookkeepingIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        engine = Engine.builder(db.dataSource()).statementListener(statements).build();
        engine.dropAll(Server.class, Tag.class, Gauge.class);
        engine.createAll(Server.class, Tag.class, Gauge.class);
        try (Session session = engine.openSession()) {
            session.addAll(new Server("alpha", "r1", 22), new Server("beta", "r1", 22), new Tag("t1", "one"),
                    new Tag("Aa", "first"), new Tag("BB", "second"));
            session.commit();
        }
        statements.take();
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Server.class, Tag.class, Gauge.class);
    }

    private static Server load(Session session, String name) {
        return session.query(Server.class).filterBy("name", name).one();
    }

    private String storedLabel(String code) {
        try (Session other = engine.openSession()) {
            Tag tag = other.get(Tag.class, code);
            return tag == null ? null : tag.label;
        }
    }

    @Test
    void aRollbackPutsBackTheVersionTheTransactionsUpdateHadBumped() {
        try (Session session = engine.openSession()) {
            Server alpha = load(session, "alpha");
            alpha.port = 8080;
            session.flush();
            assertThat(alpha.version).isEqualTo(2);

            session.rollback();

            assertThat(alpha.version).as("the row's version again, before any reload, on %s", db).isEqualTo(1);
        }
    }

    @Test
    void aRollbackAfterAFailedInsertTakesBackTheFirstVersionTheFlushHadSet() {
        try (Session session = engine.openSession()) {
            Server duplicate = session.add(new Server("alpha", "r2", 22));
            assertThatThrownBy(session::flush).isInstanceOf(ConstraintViolationException.class);
            assertThat(duplicate.version).as("set before the INSERT was tried").isEqualTo(1);

            session.rollback();

            assertThat(duplicate.version).as("on %s", db).isZero();
            assertThat(duplicate.id).isNull();
            assertThat(session.stateOf(duplicate)).isEqualTo(ObjectState.TRANSIENT);
        }
    }

    @Test
    void aRollbackForgetsAnUnflushedAddSoTheIdIsLookedUpAndFreeAgain() {
        try (Session session = engine.openSession()) {
            Tag first = session.add(new Tag("t9", "first"));
            session.rollback();
            statements.take();

            assertThat(session.get(Tag.class, "t9")).as("read from the database, where it is not").isNull();
            assertThat(statements.take()).as("on %s", db).hasSize(1);
            assertThat(session.contains(first)).isFalse();
            session.add(new Tag("t9", "second"));
            session.commit();
        }
        assertThat(storedLabel("t9")).isEqualTo("second");
    }

    @Test
    void deletingAPendingObjectFreesItsIdForAnotherObject() {
        try (Session session = engine.openSession()) {
            Tag first = session.add(new Tag("t9", "first"));
            session.delete(first);
            statements.take();

            assertThat(session.get(Tag.class, "t9")).isNull();
            assertThat(statements.take()).as("a SELECT on %s", db).hasSize(1);
            session.add(new Tag("t9", "second"));
            session.commit();
        }
        assertThat(storedLabel("t9")).isEqualTo("second");
    }

    @Test
    void aFlushedDeleteFreesItsIdForANewObjectInTheSameTransaction() {
        try (Session session = engine.openSession()) {
            session.delete(session.get(Tag.class, "t1"));
            session.flush();
            session.add(new Tag("t1", "again"));
            session.commit();
        }
        assertThat(storedLabel("t1")).as("on %s", db).isEqualTo("again");
    }

    @Test
    void objectsLetGoOfByClearAreLeftAsTheyAreByALaterRollback() {
        try (Session session = engine.openSession()) {
            Server alpha = load(session, "alpha");
            Server beta = load(session, "beta");
            Server gamma = session.add(new Server("gamma", "r2", 22));
            alpha.port = 1;
            session.delete(beta);
            session.flush();
            Long gammaId = gamma.id;

            session.clear();
            session.rollback();

            assertThat(gamma.id).as("inserted, then let go of: keeps its id on %s", db).isEqualTo(gammaId);
            assertThat(alpha.version).as("updated, then let go of: keeps its version").isEqualTo(2);
            assertThat(session.contains(beta)).as("deleted, then let go of: not taken back").isFalse();
            assertThat(session.stateOf(beta)).isEqualTo(ObjectState.DETACHED);
        }
    }

    @Test
    void aRollbackOfTheNextTransactionDoesNotBringBackAnObjectDeletedInACommittedOne() {
        try (Session session = engine.openSession()) {
            Server beta = load(session, "beta");
            session.delete(beta);
            session.commit();
            assertThat(session.stateOf(beta)).isEqualTo(ObjectState.DETACHED);

            load(session, "alpha");
            session.rollback();

            assertThat(session.contains(beta)).as("on %s", db).isFalse();
            assertThat(session.stateOf(beta)).isEqualTo(ObjectState.DETACHED);
            assertThat(session.get(Server.class, beta.id)).isNull();
        }
    }

    @Test
    void getByAnIdWithTheSameHashAsAHeldIdReadsItsOwnRow() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        try (Session session = engine.openSession()) {
            Tag aa = session.get(Tag.class, "Aa");
            statements.take();

            Tag bb = session.get(Tag.class, "BB");

            assertThat(bb).isNotSameAs(aa);
            assertThat(bb.label).as("on %s", db).isEqualTo("second");
            assertThat(statements.take()).hasSize(1);
        }
    }

    @Test
    void deletingOrGettingNothingSaysWhatWasPassed() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.delete(null))
                    .isInstanceOf(SessionStateException.class)
                    .hasMessage("Cannot delete null: it is not in this session (transient or detached). Load it with "
                            + "get(...) first, or use a bulk query(...).filter(...).delete()");
            assertThatThrownBy(() -> session.get(Tag.class, null))
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("get(Tag, null): an id is required");
        }
    }

    @Test
    void aDeleteMatchesTheRowAsLoadedWhenTheIdFieldWasChanged() {
        try (Session session = engine.openSession()) {
            Tag t1 = session.get(Tag.class, "t1");
            t1.code = "t7";
            session.delete(t1);
            session.commit();
        }
        assertThat(storedLabel("t1")).as("on %s", db).isNull();
    }

    @Test
    void anUpdateMatchesTheVersionAsLoadedWhenTheVersionFieldWasChanged() {
        try (Session session = engine.openSession()) {
            Server alpha = load(session, "alpha");
            alpha.version = 7;
            alpha.port = 5;
            session.commit();
            assertThat(alpha.version).as("the loaded version bumped, on %s", db).isEqualTo(2);
        }
        try (Session other = engine.openSession()) {
            Server stored = load(other, "alpha");
            assertThat(stored.port).isEqualTo(5);
            assertThat(stored.version).isEqualTo(2);
        }
    }

    @Test
    void changingTheIdOfAPersistentObjectNamesTheObjectAndItsId() {
        try (Session session = engine.openSession()) {
            Tag t1 = session.get(Tag.class, "t1");
            t1.code = "t7";

            assertThatThrownBy(session::flush)
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("The id of Tag#t1 (PERSISTENT) was changed from t1; ids of persistent objects cannot "
                            + "change. Delete it and add a new object instead");
            session.rollback();
        }
    }

    @Test
    void inTransactionReturnsWhatTheWorkReturnedAndCommits() {
        Integer port = engine.sessionFactory().inTransaction(session -> {
            session.add(new Server("gamma", "r2", 2222));
            return load(session, "alpha").port;
        });

        assertThat(port).isEqualTo(22);
        try (Session other = engine.openSession()) {
            assertThat(load(other, "gamma").port).as("committed on %s", db).isEqualTo(2222);
        }
    }

    @Test
    void aRollbackLetsGoOfTheBumpedCopyOfAnUpdatedRecord() {
        try (Session session = engine.openSession()) {
            session.add(new Gauge(null, 1, null));
            session.commit();
        }
        try (Session session = engine.openSession()) {
            Gauge loaded = session.query(Gauge.class).one();
            Long id = loaded.id();
            session.merge(new Gauge(id, 2, loaded.version()));
            session.flush();
            Gauge bumped = session.get(Gauge.class, id);
            assertThat(bumped.version()).isEqualTo(loaded.version() + 1);

            session.rollback();

            assertThat(session.contains(bumped)).as("on %s", db).isFalse();
            assertThat(session.stateOf(bumped)).isEqualTo(ObjectState.DETACHED);
            Gauge reread = session.get(Gauge.class, id);
            assertThat(reread.version()).isEqualTo(loaded.version());
            assertThat(reread.level()).isEqualTo(1);
        }
    }
}
