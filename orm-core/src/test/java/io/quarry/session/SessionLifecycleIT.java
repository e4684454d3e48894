package io.quarry.session;

import static io.quarry.sql.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.quarry.QuarryException;
import io.quarry.SessionStateException;
import io.quarry.relations.Datacenter;
import io.quarry.relations.Host;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session's life: what commits (only {@code commit()}), what a closed or read-only session refuses,
 * what queries see before a flush, and what a rollback forgets.
 */
@CrossDatabaseTest
class SessionLifecycleIT {

    private final TestDatabase db;
    private Engine engine;

    SessionLifecycleIT(TestDatabase db) {
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

    private long rowsInTheDatabase() {
        try (Session session = engine.openSession()) {
            return session.query(Server.class).count();
        }
    }

    @Test
    void commitWritesEvenWhenThePoolHandsOutConnectionsWithAutoCommitOff() {
        // with auto-commit off from the pool, giving the connection back commits nothing: only commit() does
        try (HikariDataSource pool = db.newPool(config -> config.setAutoCommit(false))) {
            try (Session session = Engine.builder(pool).build().openSession()) {
                session.add(new Server("gamma", "r2", 22));
                session.commit();
            }
        }
        assertThat(rowsInTheDatabase()).as("on %s", db).isEqualTo(3);
    }

    @Test
    void closingWithoutCommitRollsBackWhicheverWayThePoolSetsAutoCommit() {
        try (Session session = engine.openSession()) {
            session.add(new Server("gamma", "r2", 22));
            session.flush();
        }
        assertThat(rowsInTheDatabase()).as("auto-commit pool on %s", db).isEqualTo(2);
        try (HikariDataSource pool = db.newPool(config -> config.setAutoCommit(false))) {
            try (Session session = Engine.builder(pool).build().openSession()) {
                session.add(new Server("delta", "r2", 22));
                session.flush();
            }
        }
        assertThat(rowsInTheDatabase()).as("pool without auto-commit on %s", db).isEqualTo(2);
    }

    @Test
    void aClosedSessionRefusesEveryOperationAndSaysToOpenANewOne() {
        Session session = engine.openSession();
        Server alpha = session.query(Server.class).filterBy("name", "alpha").one();
        session.close();

        List<ThrowingCallable> operations = List.of(
                () -> session.add(new Server("gamma", "r2", 22)),
                () -> session.get(Server.class, alpha.getId()),
                () -> session.delete(alpha),
                () -> session.merge(alpha),
                () -> session.refresh(alpha),
                () -> session.query(Server.class).all(),
                () -> session.select(Server.class, count()),
                () -> session.select(Server::getName),
                () -> session.sqlRows("select name from s3_server", Map.of()),
                () -> session.sqlRows("select name /* never closed", Map.of()),
                () -> session.sqlQuery("select * /* never closed", Server.class),
                () -> session.execute("delete from s3_server"),
                () -> ((StatementSession) session).list(new io.quarry.sql.SqlStatement("select name from s3_server",
                        List.of()), new Object[0], rows -> rows.getString(1)),
                () -> ((StatementSession) session).stream(new io.quarry.sql.SqlStatement("select name from s3_server",
                        List.of()), new Object[0], rows -> rows.getString(1)),
                session::flush,
                session::commit,
                session::rollback);
        for (ThrowingCallable operation : operations) {
            assertThatThrownBy(operation)
                    .isInstanceOf(SessionStateException.class)
                    .hasMessage("This Session is closed; open a new one from the SessionFactory");
        }
        assertThatCode(session::close).as("closing twice").doesNotThrowAnyException();
        assertThat(rowsInTheDatabase()).isEqualTo(2);
    }

    @Test
    void aQueryBuiltBeforeCloseRefusesToRunAfterItInsteadOfTakingANewConnection() {
        Session session = engine.openSession();
        Query<Server> servers = session.query(Server.class).filterBy("rack", "r1");
        RowQuery names = session.select(Server::getName);
        session.close();

        for (ThrowingCallable run : List.<ThrowingCallable>of(servers::all, servers::count, names::all)) {
            assertThatThrownBy(run)
                    .isInstanceOf(SessionStateException.class)
                    .hasMessage("This Session is closed; open a new one from the SessionFactory");
        }
        assertThat(session.isInTransaction()).isFalse();
    }

    @Test
    void aReadOnlySessionRefusesWritesAndWritesNothingAtCommit() {
        SessionFactory readOnly = engine.sessionFactory().withOptions(SessionOptions.DEFAULTS.withReadOnly(true));
        try (Session session = readOnly.openSession()) {
            Server alpha = session.query(Server.class).filterBy("name", "alpha").one();
            List<ThrowingCallable> writes = List.of(
                    () -> session.add(new Server("gamma", "r2", 22)),
                    () -> session.delete(alpha),
                    () -> session.merge(alpha),
                    () -> session.upsertAll(List.of(alpha)),
                    () -> session.execute("delete from s3_server"));
            for (ThrowingCallable write : writes) {
                assertThatThrownBy(write)
                        .isInstanceOf(SessionStateException.class)
                        .hasMessageStartingWith("Cannot ")
                        .hasMessageEndingWith(" in a read-only session; open a read-write session");
            }
            alpha.port = 9999;
            session.flush();
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).filterBy("name", "alpha").one().getPort())
                    .as("a change to an object of a read-only session is never written, on %s", db)
                    .isEqualTo(22);
            assertThat(session.query(Server.class).count()).isEqualTo(2);
        }
    }

    @Test
    void aReadOnlySessionWritesNoObjectAddedToALoadedCollection() {
        engine.dropAll(Host.class, Datacenter.class, io.quarry.relations.Tag.class);
        engine.createAll(Host.class);
        try {
            engine.sessionFactory().inTransaction(session -> {
                session.add(new Datacenter("fra-1", "eu"));
            });
            SessionFactory readOnly = engine.sessionFactory().withOptions(SessionOptions.DEFAULTS.withReadOnly(true));
            try (Session session = readOnly.openSession()) {
                Datacenter fra = session.query(Datacenter.class).one();
                assertThat(fra.getHosts()).isEmpty();
                fra.addHost(new Host("web-1"));
                session.flush();
                session.commit();
            }
            try (Session session = engine.openSession()) {
                assertThat(session.query(Host.class).count()).as("on %s", db).isZero();
            }
        } finally {
            engine.dropAll(Host.class, Datacenter.class, io.quarry.relations.Tag.class);
        }
    }

    @Test
    void aRollbackThatFailsAfterAFailedFlushTravelsWithTheFlushsException() throws SQLException {
        List<Connection> handedOut = new ArrayList<>();
        Engine breaking = Engine.builder(db.dataSource()).connectionProvider(closingProvider(handedOut)).build();
        Session session = breaking.openSession();
        session.add(new Server("gamma", "r2", 22));
        session.flush();
        session.add(new Server("delta", "r2", 22));
        handedOut.get(0).close(); // the connection breaks: the flush fails, and the rollback after it too

        assertThatThrownBy(session::flush)
                .as("on %s", db)
                .isInstanceOf(QuarryException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).as("the failed rollback").singleElement()
                        .isInstanceOf(SQLException.class));
        assertThatThrownBy(session::rollback).isInstanceOf(QuarryException.class).hasMessageStartingWith("rollback");
        assertThat(session.isInTransaction()).as("a failed rollback still gives the connection back").isFalse();
        session.close();
        assertThat(rowsInTheDatabase()).isEqualTo(2);
    }

    private ConnectionProvider closingProvider(List<Connection> handedOut) {
        return new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = db.dataSource().getConnection();
                handedOut.add(connection);
                return connection;
            }

            @Override
            public void releaseConnection(Connection connection) throws SQLException {
                connection.close();
            }
        };
    }

    @Test
    void aRollbackThatFailsAfterFailedWorkTravelsOnceWithTheWorksException() {
        List<Connection> handedOut = new ArrayList<>();
        Engine breaking = Engine.builder(db.dataSource()).connectionProvider(closingProvider(handedOut)).build();
        IllegalStateException failure = new IllegalStateException("the work failed");

        assertThatThrownBy(() -> breaking.sessionFactory().inTransaction((Consumer<Session>) session -> {
            session.add(new Server("gamma", "r2", 22));
            session.flush();
            try {
                handedOut.get(0).close(); // the connection breaks: the rollback after the failure fails too
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
            throw failure;
        })).isSameAs(failure);

        assertThat(failure.getSuppressed()).as("on %s", db).singleElement()
                .isInstanceOf(QuarryException.class)
                .extracting(Throwable::getMessage).asString().contains("rollback");
        assertThat(rowsInTheDatabase()).isEqualTo(2);
    }

    @Test
    void queriesRowQueriesAndRawSqlSeeChangesNotYetFlushed() {
        try (Session session = engine.openSession()) {
            Server alpha = session.query(Server.class).filterBy("name", "alpha").one();
            Server beta = session.query(Server.class).filterBy("name", "beta").one();
            session.add(new Server("gamma", "r2", 22));
            alpha.port = 9999;
            session.delete(beta);

            assertThat(session.query(Server.class).filterBy("port", 9999).count()).as("on %s", db).isEqualTo(1);
            assertThat(session.isDirty()).as("the query flushed").isFalse();

            session.add(new Server("delta", "r2", 22));
            assertThat(session.select(Server.class, count()).scalar(Long.class)).as("on %s", db).isEqualTo(3);

            session.add(new Server("epsilon", "r2", 22));
            assertThat(session.sqlRows("select name from s3_server where rack = :rack order by name", Map.of("rack", "r2")))
                    .as("on %s", db)
                    .extracting(row -> row.get(0))
                    .containsExactly("delta", "epsilon", "gamma");
            session.rollback();
        }
        assertThat(rowsInTheDatabase()).isEqualTo(2);
    }

    @Test
    void rollbackForgetsObjectsInsertedInTheTransactionSoTheyCanBeAddedAgain() {
        try (Session session = engine.openSession()) {
            Server gamma = session.add(new Server("gamma", "r2", 22));
            session.flush();
            Long insertedId = gamma.getId();
            assertThat(insertedId).isNotNull();

            session.rollback();

            assertThat(session.stateOf(gamma)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(session.contains(gamma)).isFalse();
            assertThat(gamma.getId()).as("the generated id is unset again").isNull();
            assertThat(session.get(Server.class, insertedId)).as("on %s", db).isNull();

            session.add(gamma);
            session.commit();
            assertThat(session.stateOf(gamma)).isEqualTo(ObjectState.PERSISTENT);
        }
        assertThat(rowsInTheDatabase()).isEqualTo(3);
    }
}
