package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.NPlusOneException;
import io.quarry.sql.Sql;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The N+1 detector: a session counts its reads by shape and reports a shape that runs more often than
 * the threshold (20 unless configured), once as a warning or, strict, as an exception on the run above it.
 */
@CrossDatabaseTest
class NPlusOneDetectorIT {

    private static final int SERVERS = 30;

    private final TestDatabase db;
    private final List<String> warnings = new ArrayList<>();
    private final RecordedStatements statements = new RecordedStatements();
    private Engine engine;
    private List<Long> ids;

    NPlusOneDetectorIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createServers() {
        engine = engine(NPlusOneDetection.DEFAULT);
        engine.dropAll(Server.class);
        engine.createAll(Server.class);
        try (Session session = engine.openSession()) {
            for (int i = 0; i < SERVERS; i++) {
                session.add(new Server("server-" + i, "r1", 22));
            }
            session.commit();
            ids = session.query(Server.class).all().stream().map(Server::getId).sorted().toList();
        }
        statements.take();
    }

    @AfterEach
    void dropServers() {
        engine.dropAll(Server.class);
    }

    private Engine engine(NPlusOneDetection detection) {
        Engine built = Engine.builder(db.dataSource()).nPlusOne(detection).statementListener(statements).build();
        built.nPlusOneWarnings(warnings::add);
        return built;
    }

    private String byIdSql() {
        return engine.statements().byId(engine.model(Server.class)).sql();
    }

    @Test
    void aLoopOfGetsAboveTheThresholdWarnsOnceWithTheShapeTheCountAndTheLoop() {
        try (Session session = engine.openSession()) {
            for (int i = 0; i < 25; i++) {
                assertThat(session.get(Server.class, ids.get(i))).isNotNull();
            }
        }

        assertThat(warnings).as("on %s", db).hasSize(1);
        assertThat(warnings.get(0))
                .contains("ran the same statement 21 times (more than the threshold of 20)")
                .contains(byIdSql())
                .contains("run from " + NPlusOneDetectorIT.class.getName()
                        + ".aLoopOfGetsAboveTheThresholdWarnsOnceWithTheShapeTheCountAndTheLoop(NPlusOneDetectorIT.java:")
                .contains("query(...).with(...)");
        assertThat(statements.take()).as("every get still ran").hasSize(25);
        assertThat(engine.nPlusOneFindings()).singleElement().satisfies(finding -> {
            assertThat(finding.sql()).isEqualTo(byIdSql());
            assertThat(finding.count()).isEqualTo(21);
            assertThat(finding.threshold()).isEqualTo(20);
            assertThat(finding.mode()).isEqualTo(NPlusOneDetection.Mode.WARN);
            assertThat(finding.caller()).startsWith(NPlusOneDetectorIT.class.getName() + ".");
        });
    }

    @Test
    void strictModeRefusesTheRunAboveTheThresholdBeforeItReachesTheDatabase() {
        engine = engine(NPlusOneDetection.strict(20));
        try (Session session = engine.openSession()) {
            for (int i = 0; i < 20; i++) {
                assertThat(session.query(Server.class).filterBy("id", ids.get(i)).one().getId()).isEqualTo(ids.get(i));
            }
            String shape = session.query(Server.class).filterBy("id", ids.get(20)).limit(2).toSql().sql();

            assertThatThrownBy(() -> session.query(Server.class).filterBy("id", ids.get(20)).one())
                    .as("on %s", db)
                    .isInstanceOf(NPlusOneException.class)
                    .hasMessageContaining("21 times")
                    .hasMessageContaining(shape)
                    .hasMessageContaining("query(...).with(...) (on a repository method: @LoadWith(\"relation\")) or fetch the rows in one query")
                    .satisfies(e -> {
                        NPlusOneException failure = (NPlusOneException) e;
                        assertThat(failure.getShape()).isEqualTo(shape);
                        assertThat(failure.getCount()).isEqualTo(21);
                        assertThat(failure.getCaller()).startsWith(NPlusOneDetectorIT.class.getName() + ".");
                    });
            assertThat(statements.take()).as("the 21st never ran").hasSize(20);
            assertThat(warnings).isEmpty();
            assertThat(engine.nPlusOneFindings()).as("a refused run is kept too").singleElement()
                    .satisfies(finding -> {
                        assertThat(finding.sql()).isEqualTo(shape);
                        assertThat(finding.mode()).isEqualTo(NPlusOneDetection.Mode.STRICT);
                    });
        }
    }

    @Test
    void streamedReadsCountLikeListedOnes() {
        engine = engine(NPlusOneDetection.strict(2));
        try (Session session = engine.openSession()) {
            for (int i = 0; i < 2; i++) {
                try (Stream<Server> stream = session.query(Server.class).filterBy("id", ids.get(i)).stream()) {
                    assertThat(stream.toList()).hasSize(1);
                }
            }

            assertThatThrownBy(() -> session.query(Server.class).filterBy("id", ids.get(2)).stream())
                    .as("on %s", db)
                    .isInstanceOf(NPlusOneException.class)
                    .hasMessageContaining("3 times (more than the threshold of 2)");
        }
        assertThat(statements.take()).as("the third stream never ran").hasSize(2);
    }

    @Test
    void aReadRunOnAThreadWithoutApplicationFramesNamesNoCaller() throws InterruptedException {
        engine = engine(NPlusOneDetection.warn(1));
        try (Session session = engine.openSession()) {
            session.query(Server.class).all();
            // a method reference leaves no frame of this class: the new thread's stack is Quarry's and the JDK's
            Runnable secondRead = session.query(Server.class)::all;
            Thread thread = new Thread(secondRead);
            thread.start();
            thread.join();
        }
        assertThat(engine.nPlusOneFindings()).singleElement().satisfies(finding -> {
            assertThat(finding.count()).isEqualTo(2);
            assertThat(finding.caller()).isEqualTo("code outside the application (no caller found on the stack)");
        });
        assertThat(warnings).singleElement().asString()
                .contains("code outside the application (no caller found on the stack)");
    }

    /** Stands for a class of another Quarry jar (the Spring starter's sessions): it implements a type of Quarry's. */
    private static final class QuarryExtension implements StatementListener {
        private final Session session;

        QuarryExtension(Session session) {
            this.session = session;
        }

        @Override
        public void executed(String sql, int rows, long nanos) {
        }

        void readAll() {
            session.query(Server.class).all();
        }
    }

    @Test
    void framesOfAnIoQuarryClassImplementingAQuarryTypeCountAsQuarrysNotAsTheCaller() throws InterruptedException {
        engine = engine(NPlusOneDetection.warn(1));
        try (Session session = engine.openSession()) {
            QuarryExtension extension = new QuarryExtension(session);
            session.query(Server.class).all();
            Thread thread = new Thread(extension::readAll);
            thread.start();
            thread.join();
        }
        assertThat(engine.nPlusOneFindings()).singleElement().extracting(NPlusOneDetection.Finding::caller)
                .isEqualTo("code outside the application (no caller found on the stack)");
    }

    @Test
    void aLoopUpToTheThresholdStaysSilent() {
        engine = engine(NPlusOneDetection.strict(20));
        try (Session session = engine.openSession()) {
            for (int i = 0; i < 20; i++) {
                session.query(Server.class).filterBy("id", ids.get(i)).one();
            }
            String shape = session.query(Server.class).filterBy("id", ids.get(0)).limit(2).toSql().sql();
            assertThat(((SessionSupport) session).nPlusOneDetector().count(shape)).isEqualTo(20);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void inListsOfDifferentSizesCountAsOneShape() {
        String shape;
        try (Session session = engine.openSession()) {
            for (int size = 1; size <= 25; size++) {
                assertThat(session.query(Server.class).filter(Sql.col("id").in(ids.subList(0, size))).readOnly().all())
                        .hasSize(size);
            }
            NPlusOneDetector detector = ((SessionSupport) session).nPlusOneDetector();
            shape = session.query(Server.class).filter(Sql.col("id").in(ids.subList(0, 3))).toSql().sql();
            assertThat(detector.count(shape)).isEqualTo(25);
            assertThat(detector.texts()).as("one entry per distinct text, all counting one shape").isEqualTo(25);
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(" in (...)").contains("21 times")
                .doesNotContain("?, ?");
    }

    @Test
    void aNewSessionStartsCountingAfresh() {
        engine = engine(NPlusOneDetection.strict(20));
        for (int round = 0; round < 2; round++) {
            try (Session session = engine.openSession()) {
                for (int i = 0; i < 15; i++) {
                    session.get(Server.class, ids.get(i));
                }
                assertThat(((SessionSupport) session).nPlusOneDetector().count(byIdSql())).isEqualTo(15);
            }
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void onlyStatementsThatRunAreCountedSoGetsAnsweredByTheIdentityMapAreNot() {
        try (Session session = engine.openSession()) {
            for (int i = 0; i < 25; i++) {
                session.get(Server.class, ids.get(0));
            }
            assertThat(((SessionSupport) session).nPlusOneDetector().count(byIdSql())).isEqualTo(1);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void writesAndTheReadsOfBulkWritesAreNotCounted() {
        engine = engine(NPlusOneDetection.strict(20));
        try (Session session = engine.openSession()) {
            session.query(Server.class).all();
            for (int i = 0; i < 25; i++) {
                session.add(new Server("added-" + i, "r2", 22));
                session.flush();
                // the session holds the servers, so each bulk update selects ids and reloads
                session.query(Server.class).filterBy("id", ids.get(i)).update(Sql.set("port", 2200 + i));
            }
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).filterBy("port", 2224).count()).isEqualTo(1);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void detectionOffCountsNothing() {
        engine = engine(NPlusOneDetection.OFF);
        try (Session session = engine.openSession()) {
            assertThat(((SessionSupport) session).nPlusOneDetector()).isNull();
            for (int i = 0; i < 25; i++) {
                session.get(Server.class, ids.get(i));
            }
        }
        engine = engine(NPlusOneDetection.strict(0));
        try (Session session = engine.openSession()) {
            assertThat(((SessionSupport) session).nPlusOneDetector()).as("a threshold of 0 is off").isNull();
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aSessionsOwnSettingReplacesTheEngines() {
        engine = engine(NPlusOneDetection.strict(20));
        SessionFactory relaxed = engine.sessionFactory().withOptions(SessionOptions.DEFAULTS.withNPlusOne(NPlusOneDetection.OFF));
        try (Session session = relaxed.openSession()) {
            assertThat(((SessionSupport) session).nPlusOneDetector()).isNull();
            LongStream.range(0, 25).forEach(i -> session.get(Server.class, ids.get((int) i)));
        }
        SessionFactory stricter = engine.sessionFactory().withOptions(SessionOptions.DEFAULTS.withNPlusOne(NPlusOneDetection.strict(2)));
        try (Session session = stricter.openSession()) {
            session.get(Server.class, ids.get(0));
            session.get(Server.class, ids.get(1));
            assertThatThrownBy(() -> session.get(Server.class, ids.get(2))).isInstanceOf(NPlusOneException.class)
                    .hasMessageContaining("more than the threshold of 2");
        }
    }

    @Test
    void settingsAreCheckedWhereTheyAreGiven() {
        assertThatThrownBy(() -> NPlusOneDetection.warn(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use 0 to switch the detector off");
        assertThatThrownBy(() -> new NPlusOneDetection(null, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Engine.builder(db.dataSource()).build().nPlusOne()).isEqualTo(NPlusOneDetection.DEFAULT);
        assertThat(NPlusOneDetection.DEFAULT).isEqualTo(NPlusOneDetection.warn(20));
    }
}
