package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Entity listeners: what a before-insert or before-update listener changes is written by the same
 * statement and kept in the snapshot, listeners see only their entity, loads, deletes and commits
 * are announced, a failing listener leaves nothing written and the objects as they were, and
 * batches stay batches.
 */
@CrossDatabaseTest
class EntityCallbacksIT {

    private static final String INSERT = "insert into s3_server (name, rack, port, version) values (?, ?, ?, ?)";

    private final TestDatabase db;
    private final RecordedStatements statements = new RecordedStatements();
    private final List<String> events = new ArrayList<>();
    private Engine engine;

    EntityCallbacksIT(TestDatabase db) {
        this.db = db;
    }

    interface ServerRepository extends CrudRepository<Server, Long> {
    }

    /** Stamps the rack on insert and update and records every event. */
    private final class Stamping implements EntityListener<Server> {

        @Override
        public Server beforeInsert(Server server) {
            events.add("beforeInsert " + server.name);
            server.rack = "inserted";
            return server;
        }

        @Override
        public Server beforeUpdate(Server server) {
            events.add("beforeUpdate " + server.name);
            server.rack = "updated";
            return server;
        }

        @Override
        public void beforeDelete(Server server) {
            events.add("beforeDelete " + server.name);
        }

        @Override
        public void afterLoad(Server server) {
            events.add("afterLoad " + server.name);
        }

        @Override
        public void afterCommit(Server server) {
            events.add("afterCommit " + server.name);
        }
    }

    /** Sets the port of every new server, then refuses the one named gamma. */
    private static final class RefusesGamma implements EntityListener<Server> {

        @Override
        public Server beforeInsert(Server server) {
            server.port = 80;
            if (server.name.equals("gamma")) {
                throw new IllegalStateException("no gamma today");
            }
            return server;
        }
    }

    private void start(Engine.Builder builder) {
        engine = builder.statementListener(statements).build();
        engine.dropAll(Server.class, Gadget.class);
        engine.createAll(Server.class, Gadget.class);
        statements.take();
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Server.class, Gadget.class);
    }

    private Long addAlpha() {
        try (Session session = engine.openSession()) {
            Server alpha = session.add(new Server("alpha", "r1", 22));
            session.commit();
            statements.take();
            events.clear();
            return alpha.id;
        }
    }

    @Test
    void aChangeMadeBeforeInsertIsWrittenByTheInsertAndKeptInTheSnapshot() {
        start(Engine.builder(db.dataSource()).entityListener(Server.class, new Stamping()));
        try (Session session = engine.openSession()) {
            Server alpha = session.add(new Server("alpha", "r1", 22));
            session.flush();

            assertThat(statements.take()).as("on %s", db).containsExactly(INSERT);
            assertThat(session.isDirty()).isFalse();
            session.commit();
            assertThat(alpha.rack).isEqualTo("inserted");
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).one().rack).as("on %s", db).isEqualTo("inserted");
        }
        assertThat(events).startsWith("beforeInsert alpha", "afterCommit alpha");
    }

    @Test
    void aChangeMadeBeforeUpdateIsWrittenBySameUpdateWithTheColumnsTheListenerChanged() {
        start(Engine.builder(db.dataSource()).entityListener(Server.class, new Stamping()));
        Long id = addAlpha();
        try (Session session = engine.openSession()) {
            Server alpha = session.get(Server.class, id);
            statements.take();
            alpha.port = 2222;
            session.commit();

            assertThat(statements.take()).as("on %s", db)
                    .containsExactly("update s3_server set rack = ?, port = ?, version = ? where id = ? and version = ?");
        }
        try (Session session = engine.openSession()) {
            Server alpha = session.get(Server.class, id);
            assertThat(alpha.rack).as("on %s", db).isEqualTo("updated");
            assertThat(alpha.port).isEqualTo(2222);
        }
        assertThat(events).containsExactly("afterLoad alpha", "beforeUpdate alpha", "afterCommit alpha",
                "afterLoad alpha");
    }

    @Test
    void anUnchangedObjectIsNotUpdatedAndItsListenerNotCalled() {
        start(Engine.builder(db.dataSource()).entityListener(Server.class, new Stamping()));
        Long id = addAlpha();
        try (Session session = engine.openSession()) {
            session.get(Server.class, id);
            statements.take();
            session.commit();

            assertThat(statements.take()).as("on %s", db).isEmpty();
        }
        assertThat(events).containsExactly("afterLoad alpha");
    }

    @Test
    void aListenerOfAnotherEntitySeesNothingAndOneOfObjectSeesEveryEntity() {
        List<Object> seen = new ArrayList<>();
        start(Engine.builder(db.dataSource())
                .entityListener(Gadget.class, new EntityListener<Gadget>() {
                    @Override
                    public Gadget beforeInsert(Gadget gadget) {
                        throw new AssertionError("called for " + gadget);
                    }
                })
                .entityListener(Object.class, new EntityListener<Object>() {
                    @Override
                    public Object beforeInsert(Object entity) {
                        seen.add(entity);
                        return entity;
                    }
                }));
        Long id = addAlpha();

        assertThat(seen).extracting(s -> ((Server) s).id).as("on %s", db).containsExactly(id);
    }

    @Test
    void aListenerThatOnlyWatchesInsertsLeavesUpdatesAsTheSessionMadeThem() {
        start(Engine.builder(db.dataSource()).entityListener(Server.class, new EntityListener<Server>() {
            @Override
            public Server beforeInsert(Server server) {
                return server;
            }
        }));
        Long id = addAlpha();
        try (Session session = engine.openSession()) {
            session.get(Server.class, id).port = 2222;
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.get(Server.class, id).port).as("on %s", db).isEqualTo(2222);
        }
    }

    @Test
    void aRecordListenerReturnsACopyThatTakesThePlaceOfTheObject() {
        start(Engine.builder(db.dataSource()).entityListener(Gadget.class, new EntityListener<Gadget>() {
            @Override
            public Gadget beforeInsert(Gadget gadget) {
                return new Gadget(gadget.id(), gadget.name().toUpperCase(), gadget.weight());
            }
        }));
        try (Session session = engine.openSession()) {
            session.add(new Gadget(null, "lamp", 3));
            session.flush();

            assertThat(session.isDirty()).as("the copy is the snapshot").isFalse();
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Gadget.class).one().name()).as("on %s", db).isEqualTo("LAMP");
        }
    }

    @Test
    void deletesThroughTheSessionAndRepositorySavesAndDeletesByIdCallTheListeners() {
        start(Engine.builder(db.dataSource()).entityListener(Server.class, new Stamping()));
        ServerRepository servers = RepositoryFactory.of(engine.sessionFactory()).create(ServerRepository.class);
        Server beta = servers.save(new Server("beta", "r1", 22));
        beta.port = 23;
        servers.save(beta);
        statements.take();
        servers.deleteById(beta.id);

        assertThat(statements.take()).as("on %s", db).containsExactly(
                "select id, name, rack, port, version from s3_server where id in (?)",
                "delete from s3_server where id = ? and version = ?");
        assertThat(events).containsExactly("beforeInsert beta", "afterCommit beta", "afterLoad beta",
                "beforeUpdate beta", "afterCommit beta", "afterLoad beta", "beforeDelete beta", "afterCommit beta");
    }

    @Test
    void aListenerThatThrowsFailsTheFlushNamingItselfAndTheEntityAndLeavesTheObjectsAsTheyWere() {
        start(Engine.builder(db.dataSource()).entityListener(Server.class, new RefusesGamma()));
        try (Session session = engine.openSession()) {
            Server beta = session.add(new Server("beta", "r1", 22));
            Server gamma = session.add(new Server("gamma", "r1", 22));

            assertThatThrownBy(session::commit)
                    .as("on %s", db)
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("Entity listener " + EntityCallbacksIT.class.getName() + "$RefusesGamma failed before inserting "
                            + "Server (new): java.lang.IllegalStateException: no gamma today; the flush wrote nothing "
                            + "and its transaction was rolled back")
                    .hasCauseInstanceOf(IllegalStateException.class);
            assertThat(beta.port).isEqualTo(22);
            assertThat(gamma.port).isEqualTo(22);
            session.rollback();
            assertThat(beta.id).isNull();
        }
        assertThat(statements.take()).as("on %s", db).isEmpty();
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).count()).as("on %s", db).isZero();
        }
    }

    @Test
    void aHundredNewObjectsWithAListenerStillGoAsOneBatch() {
        start(Engine.builder(db.dataSource()).entityListener(Server.class, new Stamping()));
        try (Session session = engine.openSession()) {
            for (int i = 0; i < 100; i++) {
                session.add(new Server("host-" + i, "r1", 22));
            }
            session.commit();
        }

        assertThat(statements.take()).as("on %s", db).containsExactly(INSERT + " [x100]");
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).filter(io.quarry.sql.Sql.col("rack").eq("inserted")).count())
                    .as("on %s", db).isEqualTo(100);
        }
    }
}
