package io.quarry.reliability;

import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.desc;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A bounded load: writers insert rows in transactions of a fixed size while readers count and page
 * through them. Every row arrives exactly once, and readers never see a transaction half-committed.
 */
@CrossDatabaseTest
@Tag("reliability")
class LoadIT {

    private static final int WRITERS = 8;
    private static final int READERS = 4;
    private static final int ROWS_PER_WRITER = 2_000;
    private static final int ROWS_PER_TRANSACTION = 200;
    private static final long LIMIT_SECONDS = 120;

    private final TestDatabase db;
    private HikariDataSource pool;
    private Engine engine;

    LoadIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTable() {
        pool = db.newPool(config -> {
            config.setMaximumPoolSize(WRITERS + READERS);
            config.setConnectionTimeout(30_000);
        });
        engine = Engine.builder(pool).build();
        engine.dropAll(Note.class);
        engine.createAll(Note.class);
    }

    @AfterEach
    void dropTable() {
        try {
            engine.dropAll(Note.class);
        } finally {
            pool.close();
        }
    }

    @Test
    void writersAndReadersTogetherLeaveExactlyEveryRowWrittenAndReadersSeeOnlyWholeTransactions() throws Exception {
        AtomicInteger writersRunning = new AtomicInteger(WRITERS);
        List<String> oddCounts = new java.util.concurrent.CopyOnWriteArrayList<>();

        List<Integer> work = Concurrently.run(WRITERS + READERS, LIMIT_SECONDS, worker -> worker < WRITERS
                ? () -> write(worker, writersRunning)
                : () -> read(writersRunning, oddCounts));

        assertThat(oddCounts).as("counts that were not a whole number of transactions on %s", db).isEmpty();
        try (Session session = engine.openSession()) {
            assertThat(session.query(Note.class).count()).as("rows on %s", db).isEqualTo(WRITERS * ROWS_PER_WRITER);
            for (int writer = 0; writer < WRITERS; writer++) {
                assertThat(session.query(Note.class).filter(col("body").eq("writer-" + writer)).count())
                        .as("rows of writer %s on %s", writer, db).isEqualTo(ROWS_PER_WRITER);
            }
            assertThat(session.query(Note.class).filter(col("title").startsWith("row-")).count())
                    .isEqualTo(WRITERS * ROWS_PER_WRITER);
        }
        System.out.println("reliability[" + db + "] load: " + WRITERS + " writers x " + ROWS_PER_WRITER + " rows = "
                + WRITERS * ROWS_PER_WRITER + ", " + READERS + " readers made "
                + work.subList(WRITERS, work.size()).stream().mapToInt(Integer::intValue).sum() + " reads");
    }

    private int write(int writer, AtomicInteger writersRunning) {
        try {
            for (int first = 0; first < ROWS_PER_WRITER; first += ROWS_PER_TRANSACTION) {
                try (Session session = engine.openSession()) {
                    List<Note> rows = new ArrayList<>();
                    for (int row = first; row < first + ROWS_PER_TRANSACTION; row++) {
                        rows.add(new Note("row-" + writer + "-" + row, "writer-" + writer));
                    }
                    session.addAll(rows);
                    session.commit();
                }
            }
            return ROWS_PER_WRITER;
        } finally {
            writersRunning.decrementAndGet();
        }
    }

    /** Counts and pages until the writers are done; every count must be a whole number of transactions. */
    private int read(AtomicInteger writersRunning, List<String> oddCounts) {
        int reads = 0;
        long last = 0;
        while (writersRunning.get() > 0) {
            try (Session session = engine.openSession()) {
                long count = session.query(Note.class).count();
                if (count % ROWS_PER_TRANSACTION != 0 || count < last) {
                    oddCounts.add(count + " after " + last);
                }
                last = count;
                session.query(Note.class).orderBy(desc("id")).limit(50).all();
                reads += 2;
            }
        }
        return reads;
    }
}
