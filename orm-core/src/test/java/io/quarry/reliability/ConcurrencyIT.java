package io.quarry.reliability;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.quarry.LockFailureException;
import io.quarry.OptimisticLockException;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many transactions on the same rows at once: optimistic increments with retry, pessimistic increments
 * under {@code forUpdate()}, a job queue under {@code forUpdateSkipLocked()}, and a deadlock. Every count
 * must come out exact. Runs on a pool of its own, one connection per worker.
 */
@CrossDatabaseTest
@Tag("reliability")
class ConcurrencyIT {

    private static final int OPTIMISTIC_THREADS = 16;
    private static final int OPTIMISTIC_INCREMENTS = 100;
    private static final int PESSIMISTIC_THREADS = 8;
    private static final int PESSIMISTIC_INCREMENTS = 50;
    private static final int JOBS = 200;
    private static final int JOB_WORKERS = 4;
    private static final int JOBS_PER_TAKE = 5;
    private static final long LIMIT_SECONDS = 120;

    private final TestDatabase db;
    private HikariDataSource pool;
    private Engine engine;

    ConcurrencyIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        pool = db.newPool(config -> {
            config.setMaximumPoolSize(OPTIMISTIC_THREADS + 2);
            config.setConnectionTimeout(30_000);
        });
        engine = Engine.builder(pool).build();
        engine.dropAll(Note.class, Job.class);
        engine.createAll(Note.class, Job.class);
    }

    @AfterEach
    void dropTables() {
        try {
            engine.dropAll(Note.class, Job.class);
        } finally {
            pool.close();
        }
    }

    @Test
    void optimisticIncrementsWithRetryOnOptimisticLockFailuresEndAtExactlyTheirNumber() throws Exception {
        long id = newCounter();

        List<Integer> retries = Concurrently.run(OPTIMISTIC_THREADS, LIMIT_SECONDS, worker -> () -> {
            int conflicts = 0;
            for (int done = 0; done < OPTIMISTIC_INCREMENTS; ) {
                try (Session session = engine.openSession()) {
                    session.get(Note.class, id).hits++;
                    session.commit();
                    done++;
                } catch (OptimisticLockException conflict) {
                    conflicts++;
                }
            }
            return conflicts;
        });

        Note counter = reload(id);
        assertThat(counter.hits).as("hits on %s", db).isEqualTo(OPTIMISTIC_THREADS * OPTIMISTIC_INCREMENTS);
        assertThat(counter.version).as("version on %s, starting at 1", db)
                .isEqualTo(1 + OPTIMISTIC_THREADS * OPTIMISTIC_INCREMENTS);
        System.out.println("reliability[" + db + "] optimistic: " + OPTIMISTIC_THREADS + " threads x "
                + OPTIMISTIC_INCREMENTS + " increments = " + counter.hits + ", retries after OptimisticLockException: "
                + retries.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void incrementsUnderForUpdateEndAtExactlyTheirNumber() throws Exception {
        long id = newCounter();

        List<Integer> lockFailures = Concurrently.run(PESSIMISTIC_THREADS, LIMIT_SECONDS, worker -> () -> {
            int failures = 0;
            for (int done = 0; done < PESSIMISTIC_INCREMENTS; ) {
                try (Session session = engine.openSession()) {
                    session.query(Note.class).filter(col("id").eq(id)).forUpdate().one().hits++;
                    session.commit();
                    done++;
                } catch (LockFailureException waitedTooLong) {
                    failures++; // H2 ends lock waits after its LOCK_TIMEOUT (1 s by default)
                }
            }
            return failures;
        });

        assertThat(reload(id).hits).as("hits on %s", db).isEqualTo(PESSIMISTIC_THREADS * PESSIMISTIC_INCREMENTS);
        System.out.println("reliability[" + db + "] forUpdate: " + PESSIMISTIC_THREADS + " threads x "
                + PESSIMISTIC_INCREMENTS + " increments = " + reload(id).hits + ", lock wait failures retried: "
                + lockFailures.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void skipLockedWorkersEachTakeDistinctJobsAndTogetherTakeEveryJobOnce() throws Exception {
        try (Session session = engine.openSession()) {
            for (long id = 1; id <= JOBS; id++) {
                session.add(new Job(id));
            }
            session.commit();
        }

        List<List<Long>> taken = Concurrently.run(JOB_WORKERS, LIMIT_SECONDS, worker -> () -> {
            List<Long> mine = new ArrayList<>();
            while (true) {
                try (Session session = engine.openSession()) {
                    List<Job> batch = session.query(Job.class).filter(col("state").eq("new")).orderBy(asc("id"))
                            .limit(JOBS_PER_TAKE).forUpdateSkipLocked().all();
                    if (batch.isEmpty()) {
                        session.rollback();
                        if (session.query(Job.class).filter(col("state").eq("new")).count() == 0) {
                            return mine;
                        }
                        Thread.sleep(5); // rows another worker holds: they are done or free again shortly
                        continue;
                    }
                    for (Job job : batch) {
                        job.state = "done";
                        job.worker = "worker-" + worker;
                        mine.add(job.id);
                    }
                    session.commit();
                }
            }
        });

        List<Long> all = taken.stream().flatMap(List::stream).toList();
        Set<Long> distinct = new HashSet<>(all);
        assertThat(all).as("jobs taken on %s", db).hasSize(JOBS);
        assertThat(distinct).as("distinct jobs taken on %s", db).hasSize(JOBS);
        try (Session session = engine.openSession()) {
            assertThat(session.query(Job.class).filter(col("state").eq("done")).count()).isEqualTo(JOBS);
            for (int worker = 0; worker < JOB_WORKERS; worker++) {
                assertThat(session.query(Job.class).filter(col("worker").eq("worker-" + worker)).count())
                        .as("jobs of worker %s on %s", worker, db).isEqualTo(taken.get(worker).size());
            }
        }
        System.out.println("reliability[" + db + "] skipLocked: " + JOB_WORKERS + " workers took " + all.size()
                + " jobs, " + distinct.size() + " distinct, per worker " + taken.stream().map(List::size).toList());
    }

    @Test
    void twoTransactionsLockingTwoRowsInOppositeOrderEndInADeadlockForExactlyOneOfThem() throws Exception {
        long first = newCounter();
        long second = newCounter();
        CountDownLatch bothHoldOneRow = new CountDownLatch(2);

        List<Throwable> outcomes = Concurrently.run(2, LIMIT_SECONDS, worker -> () -> {
            long mine = worker == 0 ? first : second;
            long theirs = worker == 0 ? second : first;
            try (Session session = engine.openSession()) {
                session.query(Note.class).filter(col("id").eq(mine)).forUpdate().timeout(Duration.ofSeconds(30)).one();
                bothHoldOneRow.countDown();
                if (!bothHoldOneRow.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the other transaction never took its row");
                }
                session.query(Note.class).filter(col("id").eq(theirs)).forUpdate().timeout(Duration.ofSeconds(30)).one()
                        .hits++;
                session.commit();
                return null;
            } catch (LockFailureException e) {
                return e;
            }
        });

        List<Throwable> failures = outcomes.stream().filter(outcome -> outcome != null).toList();
        assertThat(failures).as("lock failures on %s", db).hasSize(1);
        LockFailureException failure = (LockFailureException) failures.get(0);
        assertThat(failure.isDeadlock()).as("isDeadlock() on %s: %s", db, failure.getMessage()).isTrue();
        assertThat(reload(first).hits + reload(second).hits).as("the survivor's increment on %s", db).isEqualTo(1);
        System.out.println("reliability[" + db + "] deadlock: 1 of 2 transactions failed, isDeadlock()="
                + failure.isDeadlock() + ": " + failure.getMessage().lines().findFirst().orElse(""));
    }

    private long newCounter() {
        try (Session session = engine.openSession()) {
            Note counter = session.add(new Note("counter", "counter"));
            session.commit();
            return counter.id;
        }
    }

    private Note reload(long id) {
        try (Session session = engine.openSession()) {
            return session.get(Note.class, id);
        }
    }
}
