package io.quarry.session;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.ConstraintViolationException;
import io.quarry.OptimisticLockException;
import io.quarry.PendingRollbackException;
import io.quarry.SessionStateException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unit of work: flush order and SQL, identity map, autoflush, rollback, versions, failed flushes. */
@CrossDatabaseTest
class UnitOfWorkIT {

    private final TestDatabase db;
    private final RecordedStatements statements = new RecordedStatements();
    private Engine engine;

    UnitOfWorkIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        engine = Engine.builder(db.dataSource()).statementListener(statements).build();
        engine.dropAll(Server.class, Tag.class);
        engine.createAll(Server.class, Tag.class);
        try (Session session = engine.openSession()) {
            session.addAll(new Server("alpha", "r1", 22), new Server("beta", "r1", 22), new Tag("t1", "one"),
                    new Tag("t2", "two"));
            session.commit();
        }
        statements.take();
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Server.class, Tag.class);
    }

    @Test
    void flushWritesInsertsThenUpdatesThenDeletesEachByTableInBatches() {
        try (Session session = engine.openSession()) {
            List<Server> servers = session.query(Server.class).orderBy(asc(Server::getId)).all();
            Tag t2 = session.get(Tag.class, "t2");
            statements.take();
            session.add(new Tag("t0", "zero"));
            session.addAll(new Server("gamma", "r2", 22), new Server("delta", "r2", 22));
            servers.get(1).port = 2222;
            servers.get(0).port = 2200;
            session.delete(t2);
            session.flush();
            assertThat(statements.take()).as("flush SQL on %s", db).containsExactly(
                    "insert into s3_server (name, rack, port, version) values (?, ?, ?, ?) [x2]",
                    "insert into s3_tag (code, label) values (?, ?)",
                    "update s3_server set port = ?, version = ? where id = ? and version = ? [x2]",
                    "delete from s3_tag where code = ?");
            session.commit();
        }
    }

    @Test
    void updateWritesOnlyChangedColumnsGroupedByShape() {
        try (Session session = engine.openSession()) {
            List<Server> servers = session.query(Server.class).orderBy(asc(Server::getId)).all();
            servers.get(0).rack = "r9";
            servers.get(1).port = 8080;
            statements.take();
            session.flush();
            assertThat(statements.take()).as("on %s", db).containsExactly(
                    "update s3_server set rack = ?, version = ? where id = ? and version = ?",
                    "update s3_server set port = ?, version = ? where id = ? and version = ?");
            assertThat(servers).extracting(s -> s.version).containsExactly(2, 2);
            session.flush();
            assertThat(statements.take()).as("a clean session flushes nothing").isEmpty();
        }
    }

    @Test
    void identityMapReturnsOneInstancePerRowWithoutRepeatingTheSelect() {
        try (Session session = engine.openSession()) {
            Server byQuery = session.query(Server.class).filterBy("name", "alpha").one();
            statements.take();
            Server byGet = session.get(Server.class, byQuery.id);
            assertThat(byGet).isSameAs(byQuery);
            assertThat(statements.take()).as("get of a held object runs no SQL on %s", db).isEmpty();
            assertThat(session.query(Server.class).orderBy(asc(Server::getId)).first()).isSameAs(byQuery);
            assertThat(session.get(Server.class, 123_456L)).isNull();
            assertThat(session.get(Server.class, byQuery.id.intValue())).as("ids convert").isSameAs(byQuery);
        }
    }

    @Test
    void addingAnotherInstanceWithAHeldIdFailsNamingBoth() {
        try (Session session = engine.openSession()) {
            Tag held = session.get(Tag.class, "t1");
            assertThatThrownBy(() -> session.add(new Tag("t1", "again")))
                    .isInstanceOf(SessionStateException.class)
                    .hasMessageContaining("Cannot add Tag@")
                    .hasMessageContaining("already holds Tag@" + Integer.toHexString(System.identityHashCode(held)))
                    .hasMessageContaining("same id t1");
        }
    }

    @Test
    void autoflushMakesQueriesSeePendingObjectsUnlessTurnedOff() {
        try (Session session = engine.openSession()) {
            session.add(new Server("gamma", "r2", 22));
            assertThat(session.query(Server.class).count()).as("on %s", db).isEqualTo(3);
        }
        try (Session session = engine.sessionFactory().withOptions(SessionOptions.DEFAULTS.withAutoflush(false))
                .openSession()) {
            session.add(new Server("gamma", "r2", 22));
            assertThat(session.query(Server.class).count()).as("on %s", db).isEqualTo(2);
            session.flush();
            assertThat(session.query(Server.class).count()).isEqualTo(3);
        }
    }

    @Test
    void rollbackExpiresLoadedObjectsSoTheyReloadInPlace() {
        try (Session session = engine.openSession()) {
            Server alpha = session.query(Server.class).filterBy("name", "alpha").one();
            alpha.port = 9999;
            session.flush();
            session.rollback();
            assertThat(session.stateOf(alpha)).isEqualTo(ObjectState.PERSISTENT);
            Server reloaded = session.get(Server.class, alpha.id);
            assertThat(reloaded).isSameAs(alpha);
            assertThat(alpha.port).as("reloaded from the database on %s", db).isEqualTo(22);
            assertThat(alpha.version).isEqualTo(1);
        }
    }

    @Test
    void rollbackReturnsDeletedObjectsToPersistent() {
        try (Session session = engine.openSession()) {
            Tag t1 = session.get(Tag.class, "t1");
            session.delete(t1);
            assertThat(session.stateOf(t1)).isEqualTo(ObjectState.REMOVED);
            assertThat(session.get(Tag.class, "t1")).isNull();
            session.rollback();
            assertThat(session.get(Tag.class, "t1")).isSameAs(t1);
            assertThat(session.stateOf(t1)).isEqualTo(ObjectState.PERSISTENT);
        }
    }

    @Test
    void aFlushedDeleteStaysRemovedUntilTheTransactionEnds() {
        try (Session session = engine.openSession()) {
            Server alpha = session.query(Server.class).filterBy("name", "alpha").one();
            session.delete(alpha);
            session.flush();
            assertThat(session.stateOf(alpha)).as("after the flush on %s", db).isEqualTo(ObjectState.REMOVED);
            assertThat(session.contains(alpha)).isFalse();
            assertThat(session.get(Server.class, alpha.id)).isNull();
            session.commit();
            assertThat(session.stateOf(alpha)).as("after the commit on %s", db).isEqualTo(ObjectState.DETACHED);
        }
    }

    @Test
    void rollbackAfterAFlushedDeleteReloadsTheHeldObjectInPlace() {
        try (Session session = engine.openSession()) {
            Server alpha = session.query(Server.class).filterBy("name", "alpha").one();
            alpha.port = 2200;
            session.delete(alpha);
            session.flush();
            session.rollback();
            assertThat(session.stateOf(alpha)).as("on %s", db).isEqualTo(ObjectState.PERSISTENT);
            Server queried = session.query(Server.class).filterBy("name", "alpha").one();
            assertThat(queried).as("the held instance, not a new one, on %s", db).isSameAs(alpha);
            assertThat(session.get(Server.class, alpha.id)).isSameAs(alpha);
            assertThat(alpha.port).as("reloaded from the row").isEqualTo(22);
            alpha.port = 2201;
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).filterBy("name", "alpha").one().port).isEqualTo(2201);
        }
    }

    @Test
    void addingAnObjectAgainAfterItsDeleteWasFlushedInsertsItAgain() {
        try (Session session = engine.openSession()) {
            Tag t1 = session.get(Tag.class, "t1");
            session.delete(t1);
            session.flush();
            session.add(t1);
            assertThat(session.stateOf(t1)).isEqualTo(ObjectState.PENDING);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.get(Tag.class, "t1")).as("on %s", db).isNotNull();
        }
    }

    @Test
    void addingANewInstanceForARowDeletedButNotFlushedSaysToFlushFirst() {
        try (Session session = engine.openSession()) {
            Tag t1 = session.get(Tag.class, "t1");
            session.delete(t1);
            assertThatThrownBy(() -> session.add(new Tag("t1", "again")))
                    .isInstanceOf(SessionStateException.class)
                    .hasMessageContaining("is deleted in this session but not yet flushed")
                    .hasMessageContaining("call flush() between the delete and the add");
        }
    }

    @Test
    void rollbackPutsBackTheVersionAFlushBumpedSoTheSameObjectCanBeSavedAgain() {
        Server alpha;
        try (Session session = engine.openSession()) {
            alpha = session.query(Server.class).filterBy("name", "alpha").one();
            alpha.port = 2200;
            session.flush();
            assertThat(alpha.version).isEqualTo(2);
            session.rollback();
            assertThat(alpha.version).as("the row's version again, on %s", db).isEqualTo(1);
        }
        alpha.port = 2200;
        try (Session session = engine.openSession()) {
            session.merge(alpha);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            Server stored = session.query(Server.class).filterBy("name", "alpha").one();
            assertThat(stored.port).as("on %s", db).isEqualTo(2200);
            assertThat(stored.version).isEqualTo(2);
        }
    }

    @Test
    void rollbackToASavepointPutsBackOnlyTheVersionsBumpedAfterIt() {
        SessionTransaction transaction = engine.sessionFactory().openSession(engine.connections(), SessionOptions.DEFAULTS);
        try (StatementSession inner = transaction.session()) {
            Server alpha = inner.query(Server.class).filterBy("name", "alpha").one();
            alpha.port = 1;
            inner.flush();
            Object mark = transaction.savepointSet();
            alpha.port = 2;
            inner.flush();
            assertThat(alpha.version).isEqualTo(3);
            transaction.afterSavepointRollback(mark);
            assertThat(alpha.version).as("as it was at the mark").isEqualTo(2);
            inner.rollback();
            assertThat(alpha.version).as("as the row has it").isEqualTo(1);
        }
    }

    @Test
    void staleVersionRaisesOptimisticLockNamingEntityAndId() {
        try (Session first = engine.openSession(); Session second = engine.openSession()) {
            Server mine = first.query(Server.class).filterBy("name", "alpha").one();
            Server theirs = second.query(Server.class).filterBy("name", "alpha").one();
            second.commit();
            theirs.port = 1000;
            second.commit();
            mine.port = 2000;
            assertThatThrownBy(first::commit).as("on %s", db)
                    .isInstanceOf(OptimisticLockException.class)
                    .hasMessageContaining("Cannot update Server with id " + mine.id)
                    .hasMessageContaining("version 1")
                    .satisfies(e -> assertThat(((OptimisticLockException) e).getEntityType()).isEqualTo(Server.class));
        }
    }

    @Test
    void failedFlushRollsBackAndRefusesWorkUntilRollback() {
        try (Session session = engine.openSession()) {
            session.add(new Server("gamma", "r2", 22));
            session.add(new Server("alpha", "r2", 22));
            assertThatThrownBy(session::flush).as("on %s", db)
                    .isInstanceOf(ConstraintViolationException.class)
                    .satisfies(e -> assertThat(((ConstraintViolationException) e).isDuplicateKey()).isTrue())
                    .hasMessageContaining("flush Server; SQL [insert into s3_server");
            assertThatThrownBy(() -> session.query(Server.class).count())
                    .isInstanceOf(PendingRollbackException.class)
                    .hasMessageStartingWith("This Session's transaction has been rolled back due to a previous exception "
                            + "during flush")
                    .hasMessageContaining("first call session.rollback()");
            session.rollback();
            assertThat(session.query(Server.class).count()).as("nothing was written on %s", db).isEqualTo(2);
        }
    }

    @Test
    void batchWithAViolationInFirstMiddleOrLastRowCommitsNothing() {
        for (int position : new int[] {0, 25, 49}) {
            try (Session session = engine.openSession()) {
                List<Server> batch = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    batch.add(new Server(i == position ? "alpha" : "batch-" + position + "-" + i, "r3", 22));
                }
                session.addAll(batch);
                assertThatThrownBy(session::commit).as("duplicate at row %d on %s", position, db)
                        .isInstanceOf(ConstraintViolationException.class);
                session.rollback();
            }
            try (Session session = engine.openSession()) {
                assertThat(session.query(Server.class).count()).as("row %d on %s", position, db).isEqualTo(2);
            }
        }
    }

    @Test
    void closingAStreamReleasesItsStatement() {
        try (Session session = engine.openSession()) {
            for (int i = 0; i < 200; i++) {
                session.add(new Server("s" + i, "r4", i));
            }
            session.commit();
            try (Stream<Server> stream = session.query(Server.class).readOnly().orderBy(asc(Server::getId)).stream()) {
                assertThat(stream.limit(5).map(s -> s.name)).containsExactly("alpha", "beta", "s0", "s1", "s2");
            }
            // MySQL refuses any statement while a streaming result is still open
            assertThat(session.query(Server.class).count()).as("on %s", db).isEqualTo(202);
            assertThat(session.query(Server.class).readOnly().filterBy("name", "s7").one().port).isEqualTo(7);
        }
    }

    @Test
    void streamedObjectsStayOutOfTheIdentityMapButHeldOnesAreReturnedAsTheyAre() {
        try (Session session = engine.openSession()) {
            Server held = session.query(Server.class).filterBy("name", "alpha").one();
            held.port = 4242;
            session.flush();
            try (Stream<Server> stream = session.query(Server.class).orderBy(asc(Server::getId)).stream()) {
                List<Server> streamed = stream.toList();
                assertThat(streamed.get(0)).as("held instance on %s", db).isSameAs(held);
                assertThat(session.contains(streamed.get(1))).as("streamed, not tracked").isFalse();
                assertThat(session.stateOf(streamed.get(1))).isEqualTo(ObjectState.DETACHED);
            }
        }
    }

    @Test
    void tenThousandInsertsGoInBatchesWithEveryIdentityKeyReturned() {
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            servers.add(new Server("bulk-" + i, "r5", i % 100));
        }
        long start = System.nanoTime();
        try (Session session = engine.openSession()) {
            session.addAll(servers);
            session.commit();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> sql = statements.take();
        System.out.printf("10,000 IDENTITY inserts on %s: %d statements, %d ms%n", db, sql.size(), millis);
        assertThat(sql).as("round trips on %s", db).hasSize(10)
                .allMatch(s -> s.startsWith("insert into s3_server") && s.endsWith("[x1000]"));
        assertThat(servers).allSatisfy(s -> assertThat(s.id).isNotNull());
        assertThat(new HashSet<>(servers.stream().map(s -> s.id).toList())).hasSize(10_000);
        for (int i = 1; i < servers.size(); i++) {
            assertThat(servers.get(i).id).as("keys in insert order").isGreaterThan(servers.get(i - 1).id);
        }
        try (Session session = engine.openSession()) {
            Server last = servers.get(9_999);
            assertThat(session.get(Server.class, last.id).name).as("on %s", db).isEqualTo("bulk-9999");
        }
    }

    @Test
    void mergeCopiesStateOntoTheHeldInstance() {
        try (Session session = engine.openSession()) {
            Server alpha = session.query(Server.class).filterBy("name", "alpha").one();
            Server detached = new Server("alpha", "r7", 7000);
            detached.id = alpha.id;
            detached.version = alpha.version; // a detached copy carries its version (0 would mean new)
            Server managed = session.merge(detached);
            assertThat(managed).isSameAs(alpha);
            assertThat(alpha.port).isEqualTo(7000);
            Tag brandNew = session.merge(new Tag("t9", "nine"));
            assertThat(session.contains(brandNew)).isTrue();
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).filterBy("name", "alpha").one().rack).as("on %s", db).isEqualTo("r7");
            assertThat(session.get(Tag.class, "t9").label).isEqualTo("nine");
        }
    }

    @Test
    void upsertInsertsNewRowsAndUpdatesExistingOnes() {
        try (Session session = engine.openSession()) {
            assertThat(session.upsertAll(List.of(new Tag("t1", "uno"), new Tag("t3", "tres")))).isEqualTo(2);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Tag.class).orderBy(asc("code")).all()).as("on %s", db)
                    .extracting(t -> t.code + "=" + t.label).containsExactly("t1=uno", "t2=two", "t3=tres");
        }
    }

    @Test
    void deletingAPendingObjectJustForgetsIt() {
        try (Session session = engine.openSession()) {
            Server pending = session.add(new Server("gamma", "r2", 22));
            session.delete(pending);
            assertThat(session.stateOf(pending)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(session.isDirty()).isFalse();
            session.commit();
            assertThat(session.query(Server.class).count()).isEqualTo(2);
        }
    }

    @Test
    void bulkDeleteDetachesMatchingObjects() {
        try (Session session = engine.openSession()) {
            Server alpha = session.query(Server.class).filterBy("name", "alpha").one();
            assertThat(session.query(Server.class).filter(col("rack").eq("r1")).delete()).isEqualTo(2);
            assertThat(session.contains(alpha)).isFalse();
            assertThat(session.get(Server.class, alpha.id)).isNull();
            assertThatThrownBy(() -> session.query(Server.class).delete())
                    .hasMessageContaining("call deleteAll() if that is what you mean");
        }
    }
}
