package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.ConstraintViolationException;
import io.quarry.PendingRollbackException;
import io.quarry.QuarryException;
import io.quarry.StatementException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A flush the database refuses for a value the mapping could name: the entity, id and property are named. */
@CrossDatabaseTest
class FlushErrorsIT {

    private final TestDatabase db;
    private Engine engine;

    FlushErrorsIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createServers() {
        engine = Engine.builder(db.dataSource()).build();
        engine.dropAll(Server.class);
        engine.createAll(Server.class);
        try (Session session = engine.openSession()) {
            session.add(new Server("alpha", "r1", 22));
            session.commit();
        }
    }

    @AfterEach
    void dropServers() {
        engine.dropAll(Server.class);
    }

    @Test
    void aNullInANotNullColumnNamesTheEntityAndPropertyKeepingTheDatabaseTextAsCause() {
        try (Session session = engine.openSession()) {
            session.add(new Server(null, "r2", 22));

            assertThatThrownBy(session::commit)
                    .as("on %s", db)
                    .isInstanceOf(ConstraintViolationException.class)
                    .hasMessageStartingWith("flush Server: property 'name' (column name) of Server (new) is null but its "
                            + "column is NOT NULL; set it before the flush, or map it @Column(nullable = true)")
                    .hasCauseInstanceOf(SQLException.class);
            session.rollback();
        }
    }

    @Test
    void aNullSetOnALoadedObjectNamesItsId() {
        try (Session session = engine.openSession()) {
            Server alpha = session.query(Server.class).one();
            alpha.name = null;

            assertThatThrownBy(session::flush)
                    .as("on %s", db)
                    .isInstanceOf(ConstraintViolationException.class)
                    .hasMessageStartingWith("flush Server: property 'name' (column name) of Server " + alpha.getId()
                            + " is null");
            session.rollback();
        }
    }

    @Test
    void textLongerThanItsColumnNamesThePropertyAndBothLengths() {
        try (Session session = engine.openSession()) {
            session.add(new Server("x".repeat(70), "r2", 22));

            assertThatThrownBy(session::commit)
                    .as("on %s", db)
                    .isInstanceOf(StatementException.class)
                    .hasMessageStartingWith("flush Server: property 'name' (column name) of Server (new) holds 70 "
                            + "characters, more than its column's 64; shorten the value or map a longer column "
                            + "(@Column(length = ...))")
                    .hasCauseInstanceOf(SQLException.class);
            session.rollback();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).count()).isEqualTo(1);
        }
    }

    @Test
    void textExactlyAsLongAsItsColumnIsNotBlamedForAFlushThatLongerTextBroke() {
        try (Session session = engine.openSession()) {
            session.add(new Server("x".repeat(64), "r".repeat(256), 22));

            assertThatThrownBy(session::commit)
                    .as("on %s", db)
                    .isInstanceOf(StatementException.class)
                    .hasMessageStartingWith("flush Server: property 'rack' (column rack) of Server (new) holds 256 "
                            + "characters, more than its column's 255");
            session.rollback();
        }
    }

    @Test
    void anObjectWithoutAnIdThatIsNotGeneratedIsRefusedBeforeAnySql() {
        try (Session session = engine.openSession()) {
            session.add(new Tag(null, "nameless"));

            assertThatThrownBy(session::flush)
                    .as("on %s", db)
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("Cannot insert Tag: its id 'code' is not set and not @GeneratedValue; assign an id before "
                            + "adding it");
            session.rollback();
        }
    }

    @Test
    void changingTheIdOfAStoredObjectIsRefusedAtTheFlush() {
        try (Session session = engine.openSession()) {
            Server alpha = session.query(Server.class).one();
            Long id = alpha.id;
            alpha.id = id + 100;

            assertThatThrownBy(session::flush)
                    .as("on %s", db)
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining(" was changed from " + id + "; ids of persistent objects cannot change. Delete it "
                            + "and add a new object instead");
            session.rollback();
        }
    }

    @Test
    void aFailedFlushRollsItsTransactionBackAtOnceSoItsRowLocksAreFreeBeforeTheSessionRollsBack() {
        try (Session session = engine.openSession(); Session other = engine.openSession()) {
            Server alpha = session.query(Server.class).one();
            alpha.port = 23;
            session.flush();
            session.add(new Server(null, "r2", 22));

            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(ConstraintViolationException.class);

            // nowait: a lock the failed transaction still held would fail this at once instead of waiting for it
            Server locked = other.query(Server.class).filter(io.quarry.sql.Sql.col("name").eq("alpha")).forUpdateNowait()
                    .one();
            assertThat(locked.port).as("on %s", db).isEqualTo(22);
            other.rollback();
            session.rollback();
        }
    }

    @Test
    void aSessionWhoseFlushFailedRefusesEvenAnObjectItHoldsUntilItRollsBack() {
        try (Session session = engine.openSession()) {
            Server alpha = session.query(Server.class).one();
            session.add(new Server(null, "r2", 22));
            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(ConstraintViolationException.class);

            assertThatThrownBy(() -> session.get(Server.class, alpha.id)).as("on %s", db)
                    .isInstanceOf(PendingRollbackException.class)
                    .hasMessageStartingWith("This Session's transaction has been rolled back due to a previous exception"
                            + " during flush (");
            session.rollback();
            assertThat(session.get(Server.class, alpha.id).name).as("on %s", db).isEqualTo("alpha");
        }
    }
}
