package io.quarry.session;

import static io.quarry.sql.Sql.asc;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Objects a query loaded and nothing asked about since: the session knows their state although a load
 * only lists them (the instance index is built when first needed), for every transition that follows.
 */
@CrossDatabaseTest
class LoadedObjectsIT {

    private final TestDatabase db;
    private final RecordedStatements statements = new RecordedStatements();
    private Engine engine;

    LoadedObjectsIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        engine = Engine.builder(db.dataSource()).statementListener(statements).build();
        engine.dropAll(Server.class);
        engine.createAll(Server.class);
        try (Session session = engine.openSession()) {
            session.addAll(new Server("alpha", "r1", 22), new Server("beta", "r1", 22), new Server("gamma", "r2", 22));
            session.commit();
        }
        statements.take();
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Server.class);
    }

    private List<Server> all(Session session) {
        return session.query(Server.class).orderBy(asc(Server::getId)).all();
    }

    @Test
    void aLoadedObjectIsPersistentAndContainedWhileOneAnotherSessionLoadedIsNot() {
        try (Session session = engine.openSession(); Session other = engine.openSession()) {
            List<Server> servers = all(session);
            Server elsewhere = all(other).get(0);
            assertThat(servers).allSatisfy(server -> {
                assertThat(session.contains(server)).isTrue();
                assertThat(session.stateOf(server)).isEqualTo(ObjectState.PERSISTENT);
            });
            assertThat(session.contains(elsewhere)).isFalse();
            assertThat(session.stateOf(elsewhere)).as("has an id: another session's").isEqualTo(ObjectState.DETACHED);
        }
    }

    @Test
    void addingALoadedObjectAgainInsertsNothing() {
        try (Session session = engine.openSession()) {
            Server alpha = all(session).get(0);
            statements.take();
            assertThat(session.add(alpha)).isSameAs(alpha);
            session.commit();
            assertThat(statements.take()).isEmpty();
        }
    }

    @Test
    void aLoadedObjectChangedWithoutAnyOtherCallIsFlushed() {
        try (Session session = engine.openSession()) {
            all(session).get(1).port = 2222;
            assertThat(session.isDirty()).isTrue();
            statements.take();
            session.commit();
            assertThat(statements.take()).containsExactly(
                    "update s3_server set port = ?, version = ? where id = ? and version = ?");
        }
        try (Session session = engine.openSession()) {
            assertThat(all(session)).extracting(server -> server.port).containsExactly(22, 2222, 22);
        }
    }

    @Test
    void aLoadedObjectDeletedAndCommittedIsDetached() {
        try (Session session = engine.openSession()) {
            Server beta = all(session).get(1);
            session.delete(beta);
            session.commit();
            assertThat(session.contains(beta)).isFalse();
            assertThat(session.stateOf(beta)).isEqualTo(ObjectState.DETACHED);
            assertThat(all(session)).extracting(Server::getName).containsExactly("alpha", "gamma");
        }
    }

    @Test
    void aRollbackRightAfterALoadExpiresTheLoadedObjectsSoTheNextReadRefreshesThem() {
        try (Session session = engine.openSession()) {
            List<Server> servers = all(session);
            try (Session writer = engine.openSession()) {
                all(writer).forEach(server -> server.port = 8080);
                writer.commit();
            }
            session.rollback();
            assertThat(all(session)).as("the same objects, refreshed").containsExactlyElementsOf(servers)
                    .extracting(server -> server.port).containsExactly(8080, 8080, 8080);
        }
    }

    @Test
    void anObjectLoadedAfterTheIndexWasBuiltIsKnownToo() {
        try (Session session = engine.openSession()) {
            Server alpha = session.get(Server.class, all(session).get(0).getId());
            assertThat(session.contains(alpha)).isTrue();
            session.expunge(alpha);
            Server again = session.query(Server.class).orderBy(asc(Server::getId)).first();
            assertThat(again).isNotSameAs(alpha);
            assertThat(session.contains(again)).isTrue();
            assertThat(session.contains(alpha)).isFalse();
        }
    }

    @Test
    void clearForgetsLoadedObjectsNobodyAskedAbout() {
        try (Session session = engine.openSession()) {
            List<Server> servers = all(session);
            session.clear();
            assertThat(servers).noneMatch(session::contains);
            assertThat(session.isDirty()).isFalse();
            assertThat(all(session)).doesNotContainAnyElementsOf(servers);
        }
    }
}
