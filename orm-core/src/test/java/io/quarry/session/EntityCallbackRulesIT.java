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
 * Entity listeners' rules beside EntityCallbacksIT's main path: what a listener must return, how a
 * failure before an update or a delete is named, that a listener's own QuarryException is kept as it is,
 * listeners run in registration order, a failed update flush puts back what the listeners changed, and
 * only listeners of deletes make a repository load rows before deleting them by id.
 */
@CrossDatabaseTest
class EntityCallbackRulesIT {

    private final TestDatabase db;
    private final RecordedStatements statements = new RecordedStatements();
    private Engine engine;

    EntityCallbackRulesIT(TestDatabase db) {
        this.db = db;
    }

    interface ServerRepository extends CrudRepository<Server, Long> {
    }

    /** Refuses whatever its name says, with the given failure. */
    private static final class Refusing implements EntityListener<Server> {
        private final RuntimeException failure;

        Refusing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Server beforeUpdate(Server server) {
            server.rack = "changed by the listener";
            throw failure;
        }

        @Override
        public void beforeDelete(Server server) {
            throw failure;
        }
    }

    /** Only wants to hear about commits. */
    private static final class CommitsOnly implements EntityListener<Server> {
        final List<String> committed = new ArrayList<>();

        @Override
        public void afterCommit(Server server) {
            committed.add(server.name);
        }
    }

    private void start(Engine.Builder builder) {
        engine = builder.statementListener(statements).build();
        engine.dropAll(Server.class);
        engine.createAll(Server.class);
        statements.take();
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Server.class);
    }

    private Long addAlpha() {
        try (Session session = engine.openSession()) {
            Server alpha = session.add(new Server("alpha", "r1", 22));
            session.commit();
            statements.take();
            return alpha.id;
        }
    }

    @Test
    void aListenerReturningNullOrAnotherTypeFailsTheFlushNamingItselfAndTheObject() {
        EntityListener<Object> nulls = new EntityListener<>() {
            @Override
            public Object beforeInsert(Object entity) {
                return null;
            }
        };
        start(Engine.builder(db.dataSource()).entityListener(Object.class, nulls));
        try (Session session = engine.openSession()) {
            Server beta = session.add(new Server("beta", "r1", 22));
            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(QuarryException.class)
                    .hasMessage("Entity listener " + nulls.getClass().getName() + " returned null before inserting "
                            + "Server (new); return the entity (changed or a copy of it)");
            assertThat(beta.id).isNull();
            session.rollback();
        }

        EntityListener<Object> strings = new EntityListener<>() {
            @Override
            public Object beforeUpdate(Object entity) {
                return "a text";
            }
        };
        start(Engine.builder(db.dataSource()).entityListener(Object.class, strings));
        Long id = addAlpha();
        try (Session session = engine.openSession()) {
            session.get(Server.class, id).port = 23;
            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(QuarryException.class)
                    .hasMessage("Entity listener " + strings.getClass().getName() + " returned a java.lang.String "
                            + "before updating Server " + id + "; return the entity (changed or a copy of it)");
            session.rollback();
        }
    }

    @Test
    void aFailureBeforeAnUpdateNamesTheStoredObjectAndPutsBackWhatTheListenerChanged() {
        start(Engine.builder(db.dataSource())
                .entityListener(Server.class, new Refusing(new IllegalStateException("frozen"))));
        Long id = addAlpha();
        try (Session session = engine.openSession()) {
            Server alpha = session.get(Server.class, id);
            alpha.port = 23;
            statements.take();

            assertThatThrownBy(session::commit).as("on %s", db).isInstanceOf(QuarryException.class)
                    .hasMessage("Entity listener " + Refusing.class.getName() + " failed before updating Server " + id
                            + ": java.lang.IllegalStateException: frozen; the flush wrote nothing and its transaction "
                            + "was rolled back");
            assertThat(alpha.rack).as("the listener's change put back").isEqualTo("r1");
            assertThat(alpha.port).as("the caller's change kept").isEqualTo(23);
            session.rollback();
        }
        assertThat(statements.take()).as("on %s", db).isEmpty();
    }

    @Test
    void aFailureBeforeADeleteNamesTheObjectAndAQuarryExceptionIsPassedOnAsItIs() {
        start(Engine.builder(db.dataSource())
                .entityListener(Server.class, new Refusing(new IllegalArgumentException("kept"))));
        Long id = addAlpha();
        try (Session session = engine.openSession()) {
            session.delete(session.get(Server.class, id));
            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(QuarryException.class)
                    .hasMessage("Entity listener " + Refusing.class.getName() + " failed before deleting Server " + id
                            + ": java.lang.IllegalArgumentException: kept; the flush wrote nothing and its "
                            + "transaction was rolled back");
            session.rollback();
        }

        QuarryException own = new QuarryException("the listener's own words");
        start(Engine.builder(db.dataSource()).entityListener(Server.class, new Refusing(own)));
        id = addAlpha();
        try (Session session = engine.openSession()) {
            session.delete(session.get(Server.class, id));
            assertThatThrownBy(session::flush).as("on %s", db).isSameAs(own);
            session.rollback();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.get(Server.class, id)).as("on %s", db).isNotNull();
        }
    }

    @Test
    void aFailedFlushPutsBackTheRecordAListenerReplacedWithACopy() {
        start(Engine.builder(db.dataSource())
                .entityListener(Gadget.class, new EntityListener<Gadget>() {
                    @Override
                    public Gadget beforeInsert(Gadget gadget) {
                        return new Gadget(gadget.id(), gadget.name().toUpperCase(), gadget.weight());
                    }
                })
                .entityListener(Gadget.class, new EntityListener<Gadget>() {
                    @Override
                    public Gadget beforeInsert(Gadget gadget) {
                        if (gadget.weight() > 100) {
                            throw new IllegalStateException("too heavy");
                        }
                        return gadget;
                    }
                }));
        engine.dropAll(Gadget.class);
        engine.createAll(Gadget.class);
        try (Session session = engine.openSession()) {
            Gadget lamp = session.add(new Gadget(null, "lamp", 3));
            Gadget anvil = session.add(new Gadget(null, "anvil", 500));

            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(QuarryException.class)
                    .hasMessageContaining("too heavy");
            assertThat(session.stateOf(lamp)).as("the added record is held again, not the listener's copy")
                    .isEqualTo(ObjectState.PENDING);
            assertThat(session.stateOf(anvil)).isEqualTo(ObjectState.PENDING);
            session.rollback();
        } finally {
            engine.dropAll(Gadget.class);
        }
    }

    @Test
    void listenersRunInTheOrderTheyWereRegisteredEachSeeingTheLastOnesChange() {
        List<String> seen = new ArrayList<>();
        start(Engine.builder(db.dataSource())
                .entityListener(Server.class, new EntityListener<Server>() {
                    @Override
                    public Server beforeInsert(Server server) {
                        seen.add("first saw " + server.rack);
                        server.rack = "first";
                        return server;
                    }
                })
                .entityListener(Object.class, new EntityListener<Object>() {
                    @Override
                    public Object beforeInsert(Object entity) {
                        seen.add("second saw " + ((Server) entity).rack);
                        ((Server) entity).rack = "second";
                        return entity;
                    }
                }));
        Long id = addAlpha();

        assertThat(seen).as("on %s", db).containsExactly("first saw r1", "second saw first");
        try (Session session = engine.openSession()) {
            assertThat(session.get(Server.class, id).rack).as("on %s", db).isEqualTo("second");
        }
    }

    @Test
    void anEntityListenerWithoutAClassOrListenerIsRefusedSayingWhatToPass() {
        Engine.Builder builder = Engine.builder(db.dataSource());
        assertThatThrownBy(() -> builder.entityListener(null, new CommitsOnly())).isInstanceOf(QuarryException.class)
                .hasMessageStartingWith("entityListener needs an entity class and a listener, got null and ")
                .hasMessageEndingWith("; use Object.class for a listener of every entity");
        assertThatThrownBy(() -> builder.entityListener(Server.class, null)).isInstanceOf(QuarryException.class)
                .hasMessage("entityListener needs an entity class and a listener, got " + Server.class + " and null; "
                        + "use Object.class for a listener of every entity");
        engine = builder.build();
    }

    @Test
    void onlyAListenerOfDeletesOrCommitsMakesDeleteByIdLoadTheRowFirst() {
        start(Engine.builder(db.dataSource()).entityListener(Server.class, new EntityListener<Server>() {
            @Override
            public Server beforeInsert(Server server) {
                return server;
            }
        }));
        ServerRepository servers = RepositoryFactory.of(engine.sessionFactory()).create(ServerRepository.class);
        servers.deleteById(addAlpha());
        assertThat(statements.take()).as("on %s", db).containsExactly("delete from s3_server where id = ?");

        CommitsOnly commits = new CommitsOnly();
        start(Engine.builder(db.dataSource()).entityListener(Server.class, commits));
        servers = RepositoryFactory.of(engine.sessionFactory()).create(ServerRepository.class);
        servers.deleteById(addAlpha());
        assertThat(statements.take()).as("on %s", db).containsExactly(
                "select id, name, rack, port, version from s3_server where id in (?)",
                "delete from s3_server where id = ? and version = ?");
        assertThat(commits.committed).containsExactly("alpha", "alpha");
    }
}
