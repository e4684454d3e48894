package io.quarry.session;

import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.ConstraintViolationException;
import io.quarry.StatementException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statement observer: told before every statement of the one execution path runs and exactly once
 * how it ended, with its kind, task and SQL text (never values), the rows, and the error of a failure.
 */
@CrossDatabaseTest
class StatementObserverIT {

    private final TestDatabase db;
    private final List<String> events = new ArrayList<>();
    private final List<StatementObserver.Statement> started = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private Engine engine;

    StatementObserverIT(TestDatabase db) {
        this.db = db;
    }

    /** Records the start and the end of every statement, in order. */
    private StatementObserver.Execution started(StatementObserver.Statement statement) {
        started.add(statement);
        events.add("start " + statement.kind());
        return new StatementObserver.Execution() {
            @Override
            public void succeeded(long rows) {
                events.add("success " + statement.kind() + " " + rows);
            }

            @Override
            public void failed(Throwable error) {
                errors.add(error);
                events.add("error " + statement.kind());
            }
        };
    }

    @BeforeEach
    void createServers() {
        engine = Engine.builder(db.dataSource()).statementObserver(this::started).build();
        engine.dropAll(Server.class);
        engine.createAll(Server.class);
        events.clear();
        started.clear();
    }

    @AfterEach
    void dropServers() {
        engine.dropAll(Server.class);
    }

    private void addServers(int count) {
        try (Session session = engine.openSession()) {
            for (int i = 0; i < count; i++) {
                session.add(new Server("server-" + i, "r1", 22));
            }
            session.commit();
        }
    }

    @Test
    void aFlushIsOneBatchAndAQueryOneQueryEachToldOnceWithTheRowsTheyWroteAndRead() {
        addServers(3);
        events.clear();
        started.clear();
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).filter(col("name").startsWith("server-")).all()).hasSize(3);
        }

        assertThat(events).as("on %s", db).containsExactly("start QUERY", "success QUERY 3");
        StatementObserver.Statement query = started.get(0);
        assertThat(query.task()).isEqualTo("query Server");
        assertThat(query.sql()).contains("s3_server").contains("?").doesNotContain("server-");
        assertThat(query.parameterSets()).isEqualTo(1);
    }

    @Test
    void aBatchOfInsertsIsToldWithItsParameterSets() {
        addServers(3);

        StatementObserver.Statement batch = started.stream()
                .filter(statement -> statement.kind() == StatementObserver.Kind.BATCH).findFirst().orElseThrow();
        assertThat(batch.task()).isEqualTo("flush Server");
        assertThat(batch.parameterSets()).isEqualTo(3);
        assertThat(batch.sql()).doesNotContain("server-");
        assertThat(events).as("on %s: a driver that rewrites batches may not know the counts", db)
                .containsAnyOf("success BATCH 3", "success BATCH -1");
    }

    @Test
    void aBulkUpdateIsAnUpdateToldWithTheRowsItChanged() {
        addServers(4);
        events.clear();
        try (Session session = engine.openSession()) {
            session.query(Server.class).filter(col("port").eq(22)).update(set(Server::getPort, 2222));
            session.commit();
        }

        assertThat(events).as("on %s", db).containsExactly("start UPDATE", "success UPDATE 4");
    }

    @Test
    void aStreamEndsWhenItIsClosedWithTheRowsThatWereRead() {
        addServers(5);
        events.clear();
        try (Session session = engine.openSession()) {
            try (Stream<Server> servers = session.query(Server.class).stream()) {
                assertThat(servers.limit(2).count()).isEqualTo(2);
                assertThat(events).as("still open").containsExactly("start STREAM");
            }
        }

        assertThat(events).as("on %s", db).containsExactly("start STREAM", "success STREAM 2");
    }

    @Test
    void aRefusedFlushIsToldAsAFailureWithTheErrorTheCallerGets() {
        addServers(1);
        events.clear();
        errors.clear();
        try (Session session = engine.openSession()) {
            session.add(new Server("server-0", "r2", 22));
            assertThatThrownBy(session::commit).isInstanceOf(ConstraintViolationException.class)
                    .satisfies(e -> assertThat(errors).containsExactly(e));
        }

        assertThat(events).as("on %s", db).containsExactly("start BATCH", "error BATCH");
    }

    @Test
    void badSqlIsToldAsAFailureAndNeverAsASuccess() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.sqlRows("select no_such_column from s3_server", java.util.Map.of()))
                    .isInstanceOf(StatementException.class)
                    .satisfies(e -> assertThat(errors).containsExactly(e));
        }

        assertThat(events).as("on %s", db).containsExactly("start QUERY", "error QUERY");
    }

    @Test
    void ddlIsToldAsExecute() {
        engine.dropAll(Server.class);

        assertThat(started).as("on %s", db).isNotEmpty()
                .allSatisfy(statement -> assertThat(statement.kind()).isEqualTo(StatementObserver.Kind.EXECUTE));
        assertThat(events).filteredOn(event -> event.startsWith("success")).hasSize(started.size());
    }

    @Test
    void severalObserversAreEachToldInTheOrderTheyWereAdded() {
        List<String> order = new ArrayList<>();
        StatementObserver first = statement -> recording(order, "first");
        StatementObserver second = statement -> recording(order, "second");
        Engine both = Engine.builder(db.dataSource()).statementObserver(first).statementObserver(second).build();
        try (Session session = both.openSession()) {
            session.query(Server.class).count();
        }

        assertThat(order).containsExactly("first start", "second start", "first success", "second success");
    }

    @Test
    void severalObserversAreEachToldOfAFailure() {
        List<String> order = new ArrayList<>();
        StatementObserver first = statement -> recording(order, "first");
        StatementObserver second = statement -> recording(order, "second");
        Engine both = Engine.builder(db.dataSource()).statementObserver(first).statementObserver(second).build();
        try (Session session = both.openSession()) {
            assertThatThrownBy(() -> session.sqlRows("select no_such_column from s3_server", java.util.Map.of()))
                    .isInstanceOf(StatementException.class);
        }

        assertThat(order).containsExactly("first start", "second start", "first error", "second error");
    }

    @Test
    void settingAndRestoringTheLockTimeoutAreToldAsExecutesWithoutRowCounts() {
        Engine locking = Engine.builder(db.dataSource()).statementObserver(this::started)
                .lockTimeout(java.time.Duration.ofSeconds(5)).build();
        try (Session session = locking.openSession()) {
            session.query(Server.class).count();
            session.commit();
        }

        List<String> executes = new ArrayList<>();
        for (StatementObserver.Statement statement : started) {
            if (statement.kind() == StatementObserver.Kind.EXECUTE) {
                executes.add(statement.task());
            }
        }
        List<String> expected = db.name().equals("postgresql") ? List.of("set the lock timeout")
                : List.of("set the lock timeout", "restore the lock timeout");
        assertThat(executes).as("on %s", db).isEqualTo(expected);
        assertThat(events).as("on %s", db).filteredOn(event -> event.contains("EXECUTE"))
                .containsExactlyElementsOf(expected.stream().flatMap(task -> java.util.stream.Stream.of(
                        "start EXECUTE", "success EXECUTE -1")).toList());
    }

    @Test
    void aListenerIsToldHowLongTheStatementTook() {
        List<Long> durations = new ArrayList<>();
        Engine timed = Engine.builder(db.dataSource()).statementListener((sql, rows, nanos) -> durations.add(nanos)).build();
        long before = System.nanoTime();
        try (Session session = timed.openSession()) {
            session.query(Server.class).count();
        }
        long elapsed = System.nanoTime() - before;

        assertThat(durations).hasSize(1).allSatisfy(nanos -> assertThat(nanos).isBetween(0L, elapsed));
    }

    @Test
    void aBatchThatChangedNoRowIsToldAsZeroRowsNotAsUnknown() {
        List<String> ends = new ArrayList<>();
        Engine relations = Engine.builder(db.dataSource()).statementObserver(statement -> new StatementObserver.Execution() {
            @Override
            public void succeeded(long rows) {
                ends.add(statement.task() + ": " + rows);
            }

            @Override
            public void failed(Throwable error) {
                ends.add(statement.task() + ": " + error);
            }
        }).build();
        relations.dropAll(io.quarry.relations.Host.class, io.quarry.relations.Datacenter.class, io.quarry.relations.Tag.class);
        relations.createAll(io.quarry.relations.Host.class);
        try {
            try (Session session = relations.openSession()) {
                session.add(new io.quarry.relations.Host("untagged"));
                session.commit();
                session.delete(session.query(io.quarry.relations.Host.class).one());
                ends.clear();
                session.commit();
            }

            assertThat(ends).as("on %s", db).contains("delete the rl_host_tag rows of Host: 0");
        } finally {
            relations.dropAll(io.quarry.relations.Host.class, io.quarry.relations.Datacenter.class,
                    io.quarry.relations.Tag.class);
        }
    }

    private static StatementObserver.Execution recording(List<String> order, String name) {
        order.add(name + " start");
        return new StatementObserver.Execution() {
            @Override
            public void succeeded(long rows) {
                order.add(name + " success");
            }

            @Override
            public void failed(Throwable error) {
                order.add(name + " error");
            }
        };
    }

    @Test
    void bulkWritesAreToldAsABulkUpdateOrABulkDeleteOfTheirEntity() {
        addServers(2);
        started.clear();
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).filterBy("name", "server-0").update(set("port", 1))).isEqualTo(1);
            assertThat(session.query(Server.class).filterBy("name", "server-1").delete()).isEqualTo(1);
            session.commit();
        }

        assertThat(started).as("on %s", db).extracting(StatementObserver.Statement::task)
                .containsExactly("bulk update Server", "bulk delete Server");
    }
}
