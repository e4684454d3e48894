package io.quarry.softdelete;

import static io.quarry.sql.Sql.any;
import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.OptimisticLockException;
import io.quarry.schema.SchemaManager;
import io.quarry.session.Engine;
import io.quarry.session.ObjectState;
import io.quarry.session.PageResult;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @SoftDelete} through the Session API: a delete is one UPDATE of the mark (batched, by id and
 * version), every read leaves marked rows out unless it includes them, a hard delete removes the row,
 * collections leave marked elements out while references still reach a marked target, and a failed or
 * rolled-back flush leaves the objects as they were.
 */
@CrossDatabaseTest
class SoftDeleteIT {

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Engine engine;

    SoftDeleteIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(Memo.class, Folder.class, Doc.class);
        engine.createAll(Memo.class, Folder.class, Doc.class);
        try (Session session = engine.openSession()) {
            session.addAll(new Memo("a", "ann"), new Memo("b", "ann"), new Memo("c", "bob"));
            Folder folder = new Folder("inbox");
            folder.add(new Doc("d1")).add(new Doc("d2")).add(new Doc("d3"));
            session.add(folder);
            session.commit();
        }
        engine.addStatementListener((sql, rows, nanos) -> statements.add(rows > 1 ? sql + " [x" + rows + "]" : sql));
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Memo.class, Folder.class, Doc.class);
    }

    @Test
    void aDeleteIsOneUpdateOfTheMarkByIdAndVersionAndEveryReadLeavesTheRowOut() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Long id;
        try (Session session = engine.openSession()) {
            Memo memo = memo(session, "a");
            id = memo.id;
            statements.clear();
            session.delete(memo);
            session.flush();
            assertThat(statements).as("on %s", db).containsExactly(
                    "update sd_memo set deleted_at = ?, version = ? where id = ? and version = ?");
            assertThat(memo.deletedAt).as("set in memory too").isBetween(before, Instant.now().plusSeconds(1));
            assertThat(memo.version).isEqualTo(1);
            assertThat(session.stateOf(memo)).isEqualTo(ObjectState.REMOVED);
            session.commit();
        }
        statements.clear();
        try (Session session = engine.openSession()) {
            assertThat(session.get(Memo.class, id)).isNull();
            assertThat(session.query(Memo.class).all()).extracting(memo -> memo.title).containsExactlyInAnyOrder("b", "c");
            assertThat(session.query(Memo.class).count()).isEqualTo(2);
            assertThat(session.query(Memo.class).filterBy("title", "a").exists()).isFalse();
            PageResult<Memo> page = session.query(Memo.class).orderBy(io.quarry.sql.Sql.asc("title")).page(0, 1);
            assertThat(page.totalElements()).isEqualTo(2);
            assertThat(session.select(Memo.class, io.quarry.sql.Sql.count()).scalar(Long.class)).isEqualTo(2);
            Memo deleted = session.query(Memo.class).includeDeleted().filterBy("title", "a").one();
            assertThat(deleted.deletedAt).isBetween(before, Instant.now().plusSeconds(1));
            assertThat(session.query(Memo.class).includeDeleted().count()).isEqualTo(3);
        }
        assertThat(statements).as("every read on %s, limits left out", db)
                .extracting(sql -> sql.replaceAll(" (limit|offset|fetch) .*$", "")).containsExactly(
                        "select id, title, owner, deleted_at, version from sd_memo where (id = ? and deleted_at is null)",
                        "select id, title, owner, deleted_at, version from sd_memo where deleted_at is null",
                        "select count(*) from sd_memo where deleted_at is null",
                        "select id from sd_memo where (title = ? and deleted_at is null)",
                        "select id, title, owner, deleted_at, version from sd_memo where deleted_at is null order by title asc",
                        "select count(*) from sd_memo where deleted_at is null",
                        "select count(*) from sd_memo where deleted_at is null",
                        "select id, title, owner, deleted_at, version from sd_memo where title = ?",
                        "select count(*) from sd_memo");
    }

    @Test
    void deletesOfManyObjectsGoAsOneBatch() {
        try (Session session = engine.openSession()) {
            session.query(Memo.class).all().forEach(session::delete);
            statements.clear();
            session.commit();
        }
        assertThat(statements).as("on %s", db).containsExactly(
                "update sd_memo set deleted_at = ?, version = ? where id = ? and version = ? [x3]");
        assertThat(rows("select count(*) from sd_memo where deleted_at is not null")).isEqualTo(3);
    }

    @Test
    void aFlagIsSetToTrueAndItsCollectionLeavesTheElementOutWithOneStatement() {
        try (Session session = engine.openSession()) {
            Doc d2 = session.query(Doc.class).filterBy("title", "d2").one();
            statements.clear();
            session.delete(d2);
            session.commit();
            assertThat(d2.deleted).isTrue();
        }
        assertThat(statements).as("on %s", db).containsExactly("update sd_doc set deleted = ? where id = ?");
        assertThat(rows("select count(*) from sd_doc where deleted = true")).isEqualTo(1);
        statements.clear();
        try (Session session = engine.openSession()) {
            Folder folder = session.query(Folder.class).with("docs").one();
            assertThat(folder.docs).extracting(doc -> doc.title).containsExactlyInAnyOrder("d1", "d3");
            assertThat(session.query(Folder.class).filter(any(Folder::getDocs, col(Doc::getTitle).eq("d2"))).count())
                    .as("any() over the collection leaves it out too").isZero();
            assertThat(session.query(Folder.class).filter(any(Folder::getDocs, col(Doc::getTitle).eq("d3"))).count())
                    .isOne();
        }
        assertThat(statements).as("one statement for the folder, one for its docs, two counts on %s", db).hasSize(4);
        assertThat(statements.get(1)).contains("and deleted = ?");
    }

    @Test
    void aReferenceStillReachesItsMarkedTarget() {
        try (Session session = engine.openSession()) {
            Folder folder = session.query(Folder.class).one();
            session.delete(folder);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Folder.class).count()).isZero();
            assertThat(session.query(Doc.class).all()).as("the delete cascades, marking the docs").isEmpty();
            Doc d1 = session.query(Doc.class).includeDeleted().filterBy("title", "d1").one();
            assertThat(d1.folder).as("a marked row is still a row: no dangling key").isNotNull();
            assertThat(d1.folder.removedAt).isNotNull();
        }
    }

    @Test
    void aHardDeleteRemovesTheRowAndItsCascades() {
        try (Session session = engine.openSession()) {
            Memo memo = memo(session, "a");
            Folder folder = session.query(Folder.class).one();
            statements.clear();
            session.hardDelete(memo);
            session.hardDelete(folder);
            session.commit();
        }
        assertThat(statements).as("on %s", db).contains("delete from sd_memo where id = ? and version = ?",
                "delete from sd_doc where id = ? [x3]", "delete from sd_folder where id = ?");
        assertThat(rows("select count(*) from sd_memo")).isEqualTo(2);
        assertThat(rows("select count(*) from sd_doc")).isZero();
    }

    @Test
    void bulkDeletesMarkAndHardDeleteRemovesWhatIncludeDeletedReaches() {
        try (Session session = engine.openSession()) {
            statements.clear();
            assertThat(session.query(Memo.class).filterBy("owner", "ann").delete()).isEqualTo(2);
            assertThat(session.query(Memo.class).filterBy("owner", "ann").delete()).as("already marked").isZero();
            assertThat(session.query(Memo.class).includeDeleted().filter(col(Memo::getDeletedAt).isNotNull())
                    .hardDelete()).isEqualTo(2);
            session.commit();
        }
        assertThat(statements).as("on %s", db).containsExactly(
                "update sd_memo set deleted_at = ? where (owner = ? and deleted_at is null)",
                "update sd_memo set deleted_at = ? where (owner = ? and deleted_at is null)",
                "delete from sd_memo where deleted_at is not null");
        assertThat(rows("select count(*) from sd_memo")).isOne();
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Memo.class).hardDelete()).hasMessageContaining(
                    "hardDelete() without filter(...) would remove every Memo");
        }
    }

    @Test
    void aRowIsRestoredThroughAQueryThatIncludesIt() {
        try (Session session = engine.openSession()) {
            session.delete(memo(session, "a"));
            session.commit();
        }
        try (Session session = engine.openSession()) {
            session.query(Memo.class).includeDeleted().filterBy("title", "a").one().deletedAt = null;
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Memo.class).count()).isEqualTo(3);
            assertThat(session.query(Memo.class).includeDeleted().filterBy("title", "a")
                    .update(io.quarry.sql.Sql.set(Memo::getOwner, "cy"))).isOne();
            session.commit();
        }
        assertThat(rows("select count(*) from sd_memo where owner = 'cy' and deleted_at is null")).isOne();
    }

    @Test
    void aRollbackPutsTheRowBackAndTheObjectReloadsUnmarked() {
        try (Session session = engine.openSession()) {
            Memo memo = memo(session, "a");
            session.delete(memo);
            session.flush();
            assertThat(session.get(Memo.class, memo.id)).isNull();
            session.rollback();
            assertThat(session.get(Memo.class, memo.id)).isSameAs(memo);
            assertThat(memo.deletedAt).isNull();
            assertThat(memo.version).isZero();
        }
        assertThat(rows("select count(*) from sd_memo where deleted_at is null")).isEqualTo(3);
    }

    @Test
    void aStaleSoftDeleteIsAnOptimisticLockFailureAndLeavesTheObjectAsItWas() {
        try (Session session = engine.openSession()) {
            Memo memo = memo(session, "a");
            session.execute("update sd_memo set version = version + 1 where title = 'a'");
            session.delete(memo);
            assertThatThrownBy(session::flush).isInstanceOf(OptimisticLockException.class)
                    .hasMessageContaining("Cannot delete Memo with id " + memo.id);
            assertThat(memo.deletedAt).as("put back").isNull();
            assertThat(memo.version).isZero();
            session.rollback();
        }
        assertThat(rows("select count(*) from sd_memo where deleted_at is null")).isEqualTo(3);
    }

    @Test
    void anObjectLoadedMarkedIsLeftAsItIsByAnotherDelete() {
        try (Session session = engine.openSession()) {
            session.delete(memo(session, "a"));
            session.commit();
        }
        try (Session session = engine.openSession()) {
            Memo marked = session.query(Memo.class).includeDeleted().filterBy("title", "a").one();
            assertThat(session.get(Memo.class, marked.id)).as("held, but marked").isNull();
            Instant when = marked.deletedAt;
            statements.clear();
            session.delete(marked);
            session.commit();
            assertThat(statements).isEmpty();
            assertThat(marked.deletedAt).isEqualTo(when);
        }
    }

    @Test
    void theSchemaHasTheMarkColumnAndValidatesAndMigrationsWriteIt() {
        SchemaManager schema = SchemaManager.of(engine);
        assertThat(schema.differences(List.of(Memo.class, Folder.class, Doc.class))).isEmpty();
        engine.dropAll(Memo.class);
        assertThat(schema.migrationScript(Memo.class).sql()).contains("deleted_at");
    }

    private Memo memo(Session session, String title) {
        return session.query(Memo.class).filterBy("title", title).one();
    }

    private long rows(String sql) {
        try (Session session = engine.openSession()) {
            return session.sqlRows(sql, Map.of()).get(0).getLong(0);
        }
    }
}
