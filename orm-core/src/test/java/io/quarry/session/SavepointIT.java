package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.ConstraintViolationException;
import io.quarry.PendingRollbackException;
import io.quarry.QuarryException;
import io.quarry.SessionStateException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Iterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction run by someone else (as Spring's NESTED propagation does) rolling back to a real
 * JDBC savepoint: through {@link SessionTransaction}, the session undoes in memory exactly what the
 * database undid, and keeps what lies before the savepoint.
 */
@CrossDatabaseTest
class SavepointIT {

    private final TestDatabase db;
    private final RecordedStatements statements = new RecordedStatements();
    private Engine engine;
    private Connection connection;
    private SessionTransaction transaction;
    private StatementSession session;

    /** A generated primitive id: rolled back, it is 0 again. */
    @Entity
    @Table(name = "s3_counter")
    static class Counter {
        @Id
        @GeneratedValue
        long id;
        String label;
    }

    SavepointIT(TestDatabase db) {
        this.db = db;
    }

    /** Hands out one connection whose transaction the test runs, as Spring's connection holder does. */
    private final class TestRunsTheTransaction implements ConnectionProvider {
        @Override
        public Connection getConnection() {
            return connection;
        }

        @Override
        public void releaseConnection(Connection released) {
        }

        @Override
        public boolean managesTransactions() {
            return true;
        }
    }

    @BeforeEach
    void openTheTransaction() throws SQLException {
        engine = Engine.builder(db.dataSource()).statementListener(statements).build();
        engine.dropAll(Server.class, Gadget.class, Counter.class);
        engine.createAll(Server.class, Gadget.class, Counter.class);
        try (Session setup = engine.openSession()) {
            setup.addAll(new Server("alpha", "r1", 22), new Server("beta", "r1", 22));
            setup.commit();
        }
        connection = db.dataSource().getConnection();
        connection.setAutoCommit(false);
        transaction = engine.sessionFactory().openSession(new TestRunsTheTransaction(), SessionOptions.DEFAULTS);
        session = transaction.session();
        statements.take();
    }

    @AfterEach
    void endTheTransaction() throws SQLException {
        try {
            session.close();
            connection.rollback();
            connection.setAutoCommit(true);
        } finally {
            connection.close();
            engine.dropAll(Server.class, Gadget.class, Counter.class);
        }
    }

    private Server load(String name) {
        return session.query(Server.class).filterBy("name", name).one();
    }

    private void commit() throws SQLException {
        transaction.beforeCompletion();
        session.flush();
        connection.commit();
        transaction.afterCompletion(true);
    }

    private long storedRows(String name) {
        try (Session other = engine.openSession()) {
            return other.query(Server.class).filterBy("name", name).count();
        }
    }

    @Test
    void objectsInsertedAfterTheSavepointBecomeNewAgainWhileEarlierOnesStay() throws SQLException {
        Server before = new Server("gamma", "r2", 22);
        session.add(before);
        session.flush();
        Savepoint savepoint = connection.setSavepoint();
        Object mark = transaction.savepointSet();
        Server after = new Server("delta", "r2", 22);
        session.add(after);
        session.flush();
        assertThat(after.id).isNotNull();

        connection.rollback(savepoint);
        transaction.afterSavepointRollback(mark);

        assertThat(after.id).as("the generated id is given back").isNull();
        assertThat(session.contains(after)).isFalse();
        assertThat(session.contains(before)).isTrue();
        statements.take();
        assertThat(session.get(Server.class, before.id)).as("still held, no SQL").isSameAs(before);
        assertThat(statements.take()).isEmpty();
        session.add(after);
        commit();
        assertThat(storedRows("gamma")).as("on %s", db).isEqualTo(1);
        assertThat(storedRows("delta")).as("added again after the rollback").isEqualTo(1);
    }

    @Test
    void objectsAddedButNotFlushedWhenTheSavepointIsSetLieInsideIt() throws SQLException {
        Server pending = new Server("gamma", "r2", 22);
        session.add(pending);
        Savepoint savepoint = connection.setSavepoint();
        Object mark = transaction.savepointSet();
        assertThat(pending.id).as("savepointSet flushes").isNotNull();

        connection.rollback(savepoint);
        transaction.afterSavepointRollback(mark);

        assertThat(session.contains(pending)).isFalse();
        assertThat(pending.id).isNull();
        commit();
        assertThat(storedRows("gamma")).as("on %s", db).isZero();
    }

    @Test
    void addsAndDeletesNotYetFlushedAtTheRollbackAreDropped() throws SQLException {
        Server alpha = load("alpha");
        Savepoint savepoint = connection.setSavepoint();
        Object mark = transaction.savepointSet();
        Server unflushed = new Server("gamma", "r2", 22);
        session.add(unflushed);
        session.delete(alpha);

        connection.rollback(savepoint);
        transaction.afterSavepointRollback(mark);

        assertThat(session.contains(unflushed)).isFalse();
        assertThat(session.contains(alpha)).isTrue();
        assertThat(session.get(Server.class, alpha.id)).as("no longer deleted").isSameAs(alpha);
        commit();
        assertThat(storedRows("alpha")).as("on %s", db).isEqualTo(1);
        assertThat(storedRows("gamma")).isZero();
    }

    @Test
    void aDeleteFlushedAfterTheSavepointIsUndoneAndTheObjectReloaded() throws SQLException {
        Server alpha = load("alpha");
        Server beta = load("beta");
        session.delete(beta);
        session.flush();
        Savepoint savepoint = connection.setSavepoint();
        Object mark = transaction.savepointSet();
        session.delete(alpha);
        session.flush();
        assertThat(session.get(Server.class, alpha.id)).isNull();

        connection.rollback(savepoint);
        transaction.afterSavepointRollback(mark);

        statements.take();
        assertThat(session.get(Server.class, alpha.id)).as("held again, reloaded in place").isSameAs(alpha);
        assertThat(statements.take()).as("the expired object is read again on %s", db).hasSize(1);
        assertThat(session.get(Server.class, beta.id)).as("deleted before the savepoint").isNull();
        commit();
        assertThat(storedRows("alpha")).as("on %s", db).isEqualTo(1);
        assertThat(storedRows("beta")).isZero();
        assertThat(session.contains(beta)).as("detached by the commit").isFalse();
    }

    @Test
    void anUpdateFlushedAfterTheSavepointIsReadAgainWhileAnEarlierOneStays() throws SQLException {
        Server alpha = load("alpha");
        Server beta = load("beta");
        beta.port = 2222;
        session.flush();
        Savepoint savepoint = connection.setSavepoint();
        Object mark = transaction.savepointSet();
        alpha.port = 8080;
        session.flush();

        connection.rollback(savepoint);
        transaction.afterSavepointRollback(mark);

        statements.take();
        assertThat(session.get(Server.class, beta.id).port).as("updated before the savepoint").isEqualTo(2222);
        assertThat(statements.take()).as("not expired: no SQL").isEmpty();
        assertThat(session.get(Server.class, alpha.id).port).as("the row's value again on %s", db).isEqualTo(22);
        assertThat(alpha.version).isEqualTo(1);
        assertThat(statements.take()).hasSize(1);
        alpha.port = 9090;
        commit();
        try (Session other = engine.openSession()) {
            Server stored = other.get(Server.class, alpha.id);
            assertThat(stored.port).as("saved again without a version conflict").isEqualTo(9090);
            assertThat(stored.version).isEqualTo(2);
        }
    }

    @Test
    void aFailedFlushAfterTheSavepointIsRecoveredByRollingBackToIt() throws SQLException {
        session.add(new Server("gamma", "r2", 22));
        session.flush();
        Savepoint savepoint = connection.setSavepoint();
        Object mark = transaction.savepointSet();
        session.add(new Server("alpha", "r2", 22));
        assertThatThrownBy(session::flush).isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> session.query(Server.class).count()).isInstanceOf(PendingRollbackException.class);

        connection.rollback(savepoint);
        transaction.afterSavepointRollback(mark);

        assertThat(session.query(Server.class).count()).as("work goes on on %s", db).isEqualTo(3);
        commit();
        assertThat(storedRows("gamma")).isEqualTo(1);
    }

    @Test
    void aMarkTakenWithNothingFlushedSinceRollsBackNothing() throws SQLException {
        Server alpha = load("alpha");
        alpha.port = 1;
        Server gamma = new Server("gamma", "r2", 22);
        session.add(gamma);
        session.delete(load("beta"));
        session.flush();
        Object mark = transaction.savepointSet();

        transaction.afterSavepointRollback(mark);

        assertThat(session.contains(gamma)).isTrue();
        assertThat(gamma.id).isNotNull();
        statements.take();
        assertThat(session.get(Server.class, alpha.id)).isSameAs(alpha);
        assertThat(statements.take()).as("nothing expired").isEmpty();
        commit();
        assertThat(storedRows("gamma")).as("on %s", db).isEqualTo(1);
        assertThat(storedRows("beta")).isZero();
    }

    @Test
    void refusesAMarkItDidNotHandOutOrOneFromAnEndedTransaction() throws SQLException {
        session.add(new Server("gamma", "r2", 22));
        Object mark = transaction.savepointSet();
        session.add(new Server("delta", "r2", 22));
        Object later = transaction.savepointSet();

        assertThatThrownBy(() -> transaction.afterSavepointRollback("savepoint-1"))
                .isInstanceOf(SessionStateException.class)
                .hasMessage("Unknown savepoint mark savepoint-1; pass what savepointSet() returned in this transaction");
        commit();
        assertThatThrownBy(() -> transaction.afterSavepointRollback(later))
                .isInstanceOf(SessionStateException.class)
                .hasMessageStartingWith("Unknown savepoint mark ");
        assertThat(mark).isNotEqualTo(later);
    }

    /** Rolls back to a fresh savepoint what {@code work} flushes, and returns the mark set after it. */
    private Object markSetInsideARolledBackSavepoint(Runnable work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        Object mark = transaction.savepointSet();
        work.run();
        session.flush();
        Object inner = transaction.savepointSet();
        connection.rollback(savepoint);
        transaction.afterSavepointRollback(mark);
        return inner;
    }

    @Test
    void aMarkSetAfterAnInsertUpdateOrDeleteThatWasRolledBackIsRefused() throws SQLException {
        Server alpha = load("alpha");
        Server beta = load("beta");
        Object afterInsert = markSetInsideARolledBackSavepoint(() -> session.add(new Server("gamma", "r2", 22)));
        Object afterUpdate = markSetInsideARolledBackSavepoint(() -> alpha.port = 1);
        Object afterDelete = markSetInsideARolledBackSavepoint(() -> session.delete(beta));

        for (Object stale : new Object[] {afterInsert, afterUpdate, afterDelete}) {
            assertThatThrownBy(() -> transaction.afterSavepointRollback(stale)).as("on %s", db)
                    .isInstanceOf(SessionStateException.class)
                    .hasMessage("Unknown savepoint mark " + stale + "; pass what savepointSet() returned in this "
                            + "transaction");
        }
        commit();
        assertThat(storedRows("gamma")).isZero();
        assertThat(storedRows("beta")).isEqualTo(1);
    }

    @Test
    void aPrimitiveIdGeneratedAfterTheSavepointIsZeroAgainAndARecordIsLeftAsItIs() throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        Object mark = transaction.savepointSet();
        Counter counter = new Counter();
        session.add(counter);
        Gadget gadget = session.add(new Gadget(null, "probe", 3));
        session.flush();
        assertThat(counter.id).isPositive();

        connection.rollback(savepoint);
        transaction.afterSavepointRollback(mark);

        assertThat(counter.id).as("on %s", db).isZero();
        assertThat(session.contains(counter)).isFalse();
        assertThat(session.contains(gadget)).isFalse();
        assertThat(gadget.id()).as("a record cannot be changed in place: it keeps its id").isNotNull();
        assertThat(session.stateOf(gadget)).isEqualTo(ObjectState.DETACHED);
    }

    @Test
    void theEndOfTheTransactionClosesAStreamLeftOpenAndSettlesOnlyAnOpenSession() throws SQLException {
        Iterator<Server> rows = session.query(Server.class).stream().iterator();
        rows.next();

        transaction.beforeCompletion();

        assertThatThrownBy(rows::next).as("the stream was closed on %s", db).isInstanceOf(QuarryException.class);
        assertThat(transaction).hasToString("SessionTransaction[" + session + "]");
        assertThat(transaction.session()).isSameAs(session);
        session.close();
        connection.commit();
        transaction.afterCompletion(true);
        assertThat(session.isInTransaction()).isFalse();
    }
}
