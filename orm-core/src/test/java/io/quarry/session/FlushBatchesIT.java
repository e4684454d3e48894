package io.quarry.session;

import static io.quarry.sql.Sql.asc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.ConstraintViolationException;
import io.quarry.OptimisticLockException;
import io.quarry.QuarryException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A flush of more rows than the engine's batch size: the rows go in batches of that size, every row
 * gets its own generated id, and a row the database refuses or no longer has is named whichever
 * batch it is in.
 */
@CrossDatabaseTest
class FlushBatchesIT {

    private static final String INSERT = "insert into s3_server (name, rack, port, version) values (?, ?, ?, ?)";
    private static final String UPDATE = "update s3_server set port = ?, version = ? where id = ? and version = ?";

    private final TestDatabase db;
    private final RecordedStatements statements = new RecordedStatements();
    private Engine engine;

    FlushBatchesIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        engine = Engine.builder(db.dataSource()).batchSize(2).statementListener(statements).build();
        engine.dropAll(Server.class, Tag.class);
        engine.createAll(Server.class, Tag.class);
        statements.take();
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Server.class, Tag.class);
    }

    private List<Server> addFive() {
        List<Server> servers = new ArrayList<>();
        try (Session session = engine.openSession()) {
            for (int i = 1; i <= 5; i++) {
                servers.add(session.add(new Server("host-" + i, "r1", 22)));
            }
            session.commit();
        }
        statements.take();
        return servers;
    }

    @Test
    void newRowsGoInBatchesOfTheBatchSizeAndEachGetsItsOwnId() {
        List<Server> servers = addFive();

        try (Session session = engine.openSession()) {
            for (Server server : servers) {
                assertThat(session.get(Server.class, server.id).name).as("on %s", db).isEqualTo(server.name);
            }
        }
        assertThat(servers).extracting(s -> s.id).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(servers).extracting(s -> s.version).containsOnly(1);
    }

    @Test
    void theInsertsOfOneFlushAreSplitIntoBatchesOfTheBatchSize() {
        try (Session session = engine.openSession()) {
            for (int i = 1; i <= 5; i++) {
                session.add(new Server("host-" + i, "r1", 22));
            }
            session.add(new Tag("t1", "one"));
            session.flush();

            assertThat(statements.take()).as("on %s", db).containsExactly(INSERT + " [x2]", INSERT + " [x2]", INSERT,
                    "insert into s3_tag (code, label) values (?, ?)");
            session.commit();
        }
    }

    @Test
    void updatesAreSplitIntoBatchesAndAllBumpTheirVersions() {
        addFive();
        try (Session session = engine.openSession()) {
            List<Server> servers = session.query(Server.class).orderBy(asc(Server::getId)).all();
            servers.forEach(server -> server.port = 2222);
            statements.take();
            session.flush();

            assertThat(statements.take()).as("on %s", db).containsExactly(UPDATE + " [x2]", UPDATE + " [x2]", UPDATE);
            assertThat(servers).extracting(s -> s.version).containsOnly(2);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).filterBy("port", 2222).count()).isEqualTo(5);
        }
    }

    @Test
    void aRowGoneFromTheLastBatchIsNamedByItsId() {
        List<Server> added = addFive();
        try (Session session = engine.openSession()) {
            List<Server> servers = session.query(Server.class).orderBy(asc(Server::getId)).all();
            deleteElsewhere(added.get(4));
            servers.forEach(server -> server.port = 2222);

            assertThatThrownBy(session::flush).as("on %s", db)
                    .isInstanceOf(OptimisticLockException.class)
                    .hasMessage("Cannot update Server with id " + added.get(4).id + ": the row was changed or deleted by "
                            + "another transaction since it was loaded (version 1). Reload it (session.refresh) and apply "
                            + "the change again");
            session.rollback();
        }
    }

    @Test
    void aRowGoneFromTheSecondPlaceOfAMiddleBatchIsNamedByItsId() {
        List<Server> added = addFive();
        try (Session session = engine.openSession()) {
            List<Server> servers = session.query(Server.class).orderBy(asc(Server::getId)).all();
            deleteElsewhere(added.get(3));
            servers.forEach(session::delete);

            assertThatThrownBy(session::flush).as("on %s", db)
                    .isInstanceOf(OptimisticLockException.class)
                    .hasMessageStartingWith("Cannot delete Server with id " + added.get(3).id + ": the row was changed");
            session.rollback();
        }
    }

    @Test
    void aRowWithoutAVersionGoneFromALaterBatchNoLongerExists() {
        try (Session session = engine.openSession()) {
            session.addAll(new Tag("t1", "one"), new Tag("t2", "two"), new Tag("t3", "three"));
            session.commit();
        }
        try (Session session = engine.openSession()) {
            List<Tag> tags = session.query(Tag.class).all();
            try (Session other = engine.openSession()) {
                other.delete(other.get(Tag.class, "t3"));
                other.commit();
            }
            tags.forEach(tag -> tag.label = "changed");

            assertThatThrownBy(session::flush).as("on %s", db)
                    .isInstanceOf(OptimisticLockException.class)
                    .hasMessageStartingWith("Cannot update Tag with id t3: the row no longer exists");
            session.rollback();
        }
    }

    @Test
    void aNullRefusedInALaterBatchIsNamedByTheIdOfItsRow() {
        List<Server> added = addFive();
        try (Session session = engine.openSession()) {
            List<Server> servers = session.query(Server.class).orderBy(asc(Server::getId)).all();
            servers.get(0).name = "renamed-1";
            servers.get(1).name = "renamed-2";
            servers.get(2).name = "renamed-3";
            servers.get(3).name = null;

            assertThatThrownBy(session::flush).as("on %s", db)
                    .isInstanceOf(ConstraintViolationException.class)
                    .hasMessageStartingWith("flush Server: property 'name' (column name) of Server " + added.get(3).id
                            + " is null");
            session.rollback();
        }
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> Engine.builder(db.dataSource()).batchSize(0))
                .isInstanceOf(QuarryException.class)
                .hasMessage("batch size must be at least 1, got 0");
        assertThat(Engine.builder(db.dataSource()).batchSize(1).build().batchSize()).isEqualTo(1);
        assertThat(Engine.builder(db.dataSource()).build().batchSize()).isEqualTo(Engine.DEFAULT_BATCH_SIZE);
    }

    private void deleteElsewhere(Server server) {
        try (Session other = engine.openSession()) {
            other.delete(other.get(Server.class, server.id));
            other.commit();
        }
    }
}
