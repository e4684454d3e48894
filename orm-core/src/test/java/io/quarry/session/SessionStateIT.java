package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.NoResultException;
import io.quarry.QuarryException;
import io.quarry.SessionStateException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a session holds and forgets: clear, expunge, merge, refresh, transactions and raw SQL's results. */
@CrossDatabaseTest
class SessionStateIT {

    private final TestDatabase db;
    private Engine engine;

    SessionStateIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createServers() {
        engine = Engine.builder(db.dataSource()).build();
        engine.dropAll(Server.class);
        engine.createAll(Server.class);
        try (Session session = engine.openSession()) {
            session.addAll(new Server("alpha", "r1", 22), new Server("beta", "r1", 22));
            session.commit();
        }
    }

    @AfterEach
    void dropServers() {
        engine.dropAll(Server.class);
    }

    private Server load(Session session, String name) {
        return session.query(Server.class).filterBy("name", name).one();
    }

    private int portInTheDatabase(String name) {
        try (Session session = engine.openSession()) {
            return load(session, name).getPort();
        }
    }

    private long rowsInTheDatabase() {
        try (Session session = engine.openSession()) {
            return session.query(Server.class).count();
        }
    }

    @Test
    void clearForgetsEveryObjectSoNothingIsWrittenAfterwards() {
        try (Session session = engine.openSession()) {
            Server alpha = load(session, "alpha");
            Server beta = load(session, "beta");
            Server gamma = session.add(new Server("gamma", "r2", 22));
            alpha.port = 1;
            session.delete(beta);
            assertThat(session.isDirty()).isTrue();

            session.clear();

            assertThat(session.isDirty()).isFalse();
            assertThat(session.stateOf(alpha)).isEqualTo(ObjectState.DETACHED);
            assertThat(session.stateOf(beta)).isEqualTo(ObjectState.DETACHED);
            assertThat(session.stateOf(gamma)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(load(session, "alpha")).as("a new instance after clear").isNotSameAs(alpha);
            session.commit();
        }
        assertThat(rowsInTheDatabase()).as("on %s", db).isEqualTo(2);
        assertThat(portInTheDatabase("alpha")).isEqualTo(22);
    }

    @Test
    void expungeForgetsOneObjectAndItsChangesKeepingTheOthers() {
        try (Session session = engine.openSession()) {
            Server alpha = load(session, "alpha");
            Server beta = load(session, "beta");
            alpha.port = 1;
            beta.port = 2;

            session.expunge(alpha);

            assertThat(session.contains(alpha)).isFalse();
            assertThat(session.contains(beta)).isTrue();
            session.commit();
        }
        assertThat(portInTheDatabase("alpha")).as("on %s", db).isEqualTo(22);
        assertThat(portInTheDatabase("beta")).isEqualTo(2);
    }

    @Test
    void aTransactionRunsFromTheFirstStatementUntilCommitOrRollback() {
        try (Session session = engine.openSession()) {
            assertThat(session.isInTransaction()).isFalse();
            session.flush();
            assertThat(session.isInTransaction()).as("a flush with nothing to write runs no statement").isFalse();
            load(session, "alpha");
            assertThat(session.isInTransaction()).isTrue();
            session.commit();
            assertThat(session.isInTransaction()).isFalse();
            load(session, "alpha");
            session.rollback();
            assertThat(session.isInTransaction()).isFalse();
        }
    }

    @Test
    void commitEndsTheTransactionSoItsChangesAreNotUndoneByALaterRollback() {
        try (Session session = engine.openSession()) {
            Server alpha = load(session, "alpha");
            alpha.port = 1;
            session.commit();
            session.rollback();
            assertThat(alpha.port).as("committed changes stay after a later rollback").isEqualTo(1);
            assertThat(session.stateOf(alpha)).isEqualTo(ObjectState.PERSISTENT);
        }
        assertThat(portInTheDatabase("alpha")).isEqualTo(1);
    }

    @Test
    void aLaterRollbackUndoesOnlyItsOwnTransactionNotWhatEarlierOnesCommitted() {
        try (Session session = engine.openSession()) {
            Server gamma = session.add(new Server("gamma", "r2", 22));
            Server alpha = load(session, "alpha");
            alpha.port = 1;
            session.commit();
            Long gammaId = gamma.getId();
            assertThat(alpha.version).isEqualTo(2);

            gamma.port = 7;
            session.flush();
            assertThat(gamma.version).isEqualTo(2);
            session.rollback();

            assertThat(gamma.getId()).as("the id committed earlier stays").isEqualTo(gammaId);
            assertThat(session.stateOf(gamma)).isEqualTo(ObjectState.PERSISTENT);
            assertThat(gamma.version).as("this transaction's bump is undone").isEqualTo(1);
            assertThat(alpha.version).as("the committed bump stays").isEqualTo(2);
            assertThat(load(session, "gamma")).isSameAs(gamma);
            assertThat(gamma.port).isEqualTo(22);
        }
        assertThat(rowsInTheDatabase()).as("on %s", db).isEqualTo(3);
        assertThat(portInTheDatabase("alpha")).isEqualTo(1);
    }

    @Test
    void mergeReturnsTheHeldInstanceCarryingTheDetachedCopysState() {
        Server detached;
        try (Session session = engine.openSession()) {
            detached = load(session, "alpha");
        }
        detached.port = 2222;
        try (Session session = engine.openSession()) {
            Server held = load(session, "alpha");

            Server merged = session.merge(detached);

            assertThat(merged).isSameAs(held).isNotSameAs(detached);
            assertThat(held.port).isEqualTo(2222);
            assertThat(session.merge(held)).as("an object the session holds is returned as it is").isSameAs(held);
            Server fresh = new Server("gamma", "r2", 22);
            assertThat(session.merge(fresh)).as("a new object is added").isSameAs(fresh);
            assertThat(session.stateOf(fresh)).isEqualTo(ObjectState.PENDING);
            session.commit();
        }
        assertThat(portInTheDatabase("alpha")).as("on %s", db).isEqualTo(2222);
        assertThat(rowsInTheDatabase()).isEqualTo(3);
    }

    @Test
    void mergeOfACopyWhoseRowIsGoneAddsItAsNew() {
        Server detached;
        try (Session session = engine.openSession()) {
            detached = load(session, "beta");
            session.delete(detached);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            Server merged = session.merge(detached);
            assertThat(merged).isSameAs(detached);
            assertThat(session.stateOf(merged)).isEqualTo(ObjectState.PENDING);
        }
    }

    @Test
    void mergeOfAnObjectDeletedInThisSessionLeavesItDeleted() {
        try (Session session = engine.openSession()) {
            Server alpha = load(session, "alpha");
            session.delete(alpha);

            assertThat(session.merge(alpha)).isSameAs(alpha);

            assertThat(session.stateOf(alpha)).isEqualTo(ObjectState.REMOVED);
            session.commit();
        }
        assertThat(rowsInTheDatabase()).as("on %s", db).isEqualTo(1);
    }

    @Test
    void deletingAnObjectTheSessionDoesNotHoldSaysToLoadItFirst() {
        Server detached;
        try (Session session = engine.openSession()) {
            detached = load(session, "alpha");
        }
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.delete(detached))
                    .isInstanceOf(SessionStateException.class)
                    .hasMessageStartingWith("Cannot delete ")
                    .hasMessageEndingWith(": it is not in this session (transient or detached). Load it with get(...) "
                            + "first, or use a bulk query(...).filter(...).delete()");
            assertThatThrownBy(() -> session.hardDelete(new Server("gamma", "r2", 22)))
                    .isInstanceOf(SessionStateException.class)
                    .hasMessageContaining("it is not in this session (transient or detached)");
            session.commit();
        }
        assertThat(rowsInTheDatabase()).isEqualTo(2);
    }

    @Test
    void refreshDiscardsChangesAndReloadsInPlace() {
        try (Session session = engine.openSession()) {
            Server alpha = load(session, "alpha");
            alpha.port = 1;

            session.refresh(alpha);

            assertThat(alpha.port).as("on %s", db).isEqualTo(22);
            assertThat(session.isDirty()).isFalse();
            assertThat(load(session, "alpha")).isSameAs(alpha);
        }
    }

    @Test
    void refreshingAnObjectWhoseRowWasDeletedForgetsItAndSaysSo() {
        try (Session session = engine.openSession()) {
            Server beta = load(session, "beta");
            session.commit();
            try (Session other = engine.openSession()) {
                other.delete(load(other, "beta"));
                other.commit();
            }

            assertThatThrownBy(() -> session.refresh(beta))
                    .isInstanceOf(NoResultException.class)
                    .hasMessageEndingWith(": its row was deleted");
            assertThat(session.contains(beta)).isFalse();
            assertThatThrownBy(() -> session.refresh(new Server("new", "r", 1)))
                    .isInstanceOf(SessionStateException.class)
                    .hasMessageContaining("it is not persistent in this session (state TRANSIENT)");
        }
    }

    @Test
    void rawSqlReturnsRowCountsAndHeldInstancesAfterFlushingFirst() {
        try (Session session = engine.openSession()) {
            Server alpha = load(session, "alpha");
            Server gamma = session.add(new Server("gamma", "r1", 22));

            assertThat(session.execute("update s3_server set rack = :rack where rack = 'r1'", Map.of("rack", "r9")))
                    .as("gamma was flushed first, on %s", db)
                    .isEqualTo(3);
            List<Server> found = session.sqlQuery("select * from s3_server where name in ('alpha', 'gamma') order by name",
                    Server.class);
            assertThat(found).containsExactly(alpha, gamma);
            assertThat(found.get(0)).isSameAs(alpha);
            assertThat(session.execute("update s3_server set port = 23 where rack = 'r9'")).isEqualTo(3);
            session.rollback();
        }
    }

    @Test
    void rawSqlLackingAnEntitysColumnNamesTheColumnAndWhatTheResultHas() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.sqlQuery("select id, name, version from s3_server", Server.class))
                    .isInstanceOf(QuarryException.class)
                    .hasMessageStartingWith("The SQL result lacks column 'rack' of Server (has ")
                    .hasMessageEndingWith("); select every column (select *) or map the result into a record instead");
        }
    }

    @Test
    void addingAnObjectTheSessionHoldsReturnsItAndAddingAfterDeleteRevivesIt() {
        try (Session session = engine.openSession()) {
            Server alpha = load(session, "alpha");
            assertThat(session.add(alpha)).isSameAs(alpha);
            session.delete(alpha);
            assertThat(session.stateOf(alpha)).isEqualTo(ObjectState.REMOVED);
            assertThat(session.add(alpha)).isSameAs(alpha);
            assertThat(session.stateOf(alpha)).isEqualTo(ObjectState.PERSISTENT);
            session.commit();
        }
        assertThat(rowsInTheDatabase()).as("on %s", db).isEqualTo(2);
    }

    @Test
    void aSessionShowsItsEngineAndWhetherItIsClosed() {
        Session session = engine.openSession();
        assertThat(session.toString()).startsWith("Session[").doesNotContain("closed");
        session.close();
        assertThat(session.toString()).endsWith(", closed]");
    }

    @Test
    void refreshRefusesAnObjectThatIsOnlyPending() {
        try (Session session = engine.openSession()) {
            Server gamma = session.add(new Server("gamma", "r2", 22));

            assertThatThrownBy(() -> session.refresh(gamma)).as("on %s", db).isInstanceOf(SessionStateException.class)
                    .hasMessageEndingWith(": it is not persistent in this session (state PENDING)");
            session.rollback();
        }
    }

    @Test
    void closingASessionForgetsTheObjectsItHeld() {
        Session session = engine.openSession();
        Server alpha = load(session, "alpha");
        assertThat(session.contains(alpha)).isTrue();

        session.close();

        assertThat(session.contains(alpha)).as("on %s", db).isFalse();
    }

    @Test
    void anUpsertFlushesWhatIsPendingFirstSoItActsOnTheRowsTheSessionAdded() {
        engine.dropAll(Tag.class);
        engine.createAll(Tag.class);
        try {
            try (Session session = engine.openSession()) {
                session.add(new Tag("t1", "added"));

                assertThat(session.upsertAll(List.of(new Tag("t1", "upserted")))).as("on %s", db).isEqualTo(1);
                session.commit();
            }
            try (Session session = engine.openSession()) {
                assertThat(session.get(Tag.class, "t1").label).as("on %s", db).isEqualTo("upserted");
            }
        } finally {
            engine.dropAll(Tag.class);
        }
    }
}
