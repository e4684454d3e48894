package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream left open when its transaction ends is closed first, so that every database ends the
 * transaction the same way (MariaDB alone would refuse the commit of a connection with an active
 * streaming result).
 */
@CrossDatabaseTest
class StreamsAtTransactionEndIT {

    private final TestDatabase db;
    private Engine engine;

    StreamsAtTransactionEndIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTable() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(Server.class);
        engine.createAll(Server.class);
        try (Session session = engine.openSession()) {
            for (int i = 0; i < 50; i++) {
                session.add(new Server("s" + i, "r1", 22));
            }
            session.commit();
        }
    }

    @AfterEach
    void dropTable() {
        engine.dropAll(Server.class);
    }

    @Test
    void commitClosesAStreamLeftOpenAndCommitsOnEveryDatabase() {
        Iterator<Server> rows;
        try (Session session = engine.openSession()) {
            Stream<Server> stream = session.query(Server.class).stream();
            rows = stream.iterator();
            assertThat(rows.next()).isNotNull();
            session.add(new Server("late", "r2", 22));

            session.commit();

            assertThatThrownBy(rows::next).as("the stream was closed on %s", db).isInstanceOf(QuarryException.class);
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).filterBy("name", "late").count()).as("committed on %s", db)
                    .isEqualTo(1);
        }
    }

    @Test
    void rollbackClosesAStreamLeftOpen() {
        try (Session session = engine.openSession()) {
            Iterator<Server> rows = session.query(Server.class).stream().iterator();
            rows.next();
            session.add(new Server("discarded", "r2", 22));

            session.rollback();

            assertThatThrownBy(rows::next).as("on %s", db).isInstanceOf(QuarryException.class);
            assertThat(session.query(Server.class).count()).isEqualTo(50);
        }
    }

    @Test
    void aStreamClosedInTimeIsNotTouchedAtCommit() {
        try (Session session = engine.openSession()) {
            try (Stream<Server> stream = session.query(Server.class).stream()) {
                assertThat(stream.count()).isEqualTo(50);
            }
            session.add(new Server("after", "r2", 22));
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).count()).as("on %s", db).isEqualTo(51);
        }
    }
}
