package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.LockFailureException;
import io.quarry.QueryTimeoutException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A repository method's own time limit ({@code @QueryTimeout}), on the method or on the repository. */
@CrossDatabaseTest
class QueryTimeoutRepositoryIT {

    @Entity
    @Table(name = "qt_job")
    static class Job {
        @Id @GeneratedValue Long id;
        String state;

        Job() {
        }

        Job(String state) {
            this.state = state;
        }
    }

    interface JobRepository extends CrudRepository<Job, Long> {
        @QueryTimeout(1)
        @Modifying
        @Query("update qt_job set state = :state")
        int markAll(@Param("state") String state);
    }

    @QueryTimeout(1)
    interface TimedJobRepository extends CrudRepository<Job, Long> {
        @Modifying
        @Query("update qt_job set state = :state")
        int markAll(@Param("state") String state);
    }

    interface NonsenseTimeout extends CrudRepository<Job, Long> {
        @QueryTimeout(0)
        long countByState(String state);
    }

    private final TestDatabase db;
    private Engine engine;

    QueryTimeoutRepositoryIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createJobs() {
        engine = Engine.builder(db.dataSource()).queryTimeout(Duration.ofSeconds(30)).build();
        engine.dropAll(Job.class);
        engine.createAll(Job.class);
        RepositoryFactory.of(engine.sessionFactory()).create(JobRepository.class).save(new Job("new"));
    }

    @AfterEach
    void dropJobs() {
        engine.dropAll(Job.class);
    }

    /** Runs {@code call} while another transaction holds the job's row lock, so the call's UPDATE waits. */
    private void whileTheRowIsLocked(Runnable call) throws Exception {
        try (Connection holder = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.executeUpdate("update qt_job set state = 'held'");
            }
            try {
                call.run();
            } finally {
                holder.rollback();
            }
        }
    }

    @Test
    void aMethodsQueryTimeoutCancelsItsStatementAndNamesTheRepository() throws Exception {
        JobRepository jobs = RepositoryFactory.of(engine.sessionFactory()).create(JobRepository.class);
        whileTheRowIsLocked(() -> {
            if (db.name().equals("h2")) {
                // H2 does not cancel a lock wait at the query timeout; its own LOCK_TIMEOUT ends it
                assertThatThrownBy(() -> jobs.markAll("done")).isInstanceOf(LockFailureException.class);
            } else {
                assertThatThrownBy(() -> jobs.markAll("done"))
                        .as("on %s", db)
                        .isInstanceOf(QueryTimeoutException.class)
                        .hasMessageContaining("JobRepository's @QueryTimeout of 1 s");
            }
        });
        assertThat(jobs.markAll("done")).as("once the lock is gone").isEqualTo(1);
    }

    @Test
    void aRepositorysQueryTimeoutAppliesToEveryMethod() throws Exception {
        TimedJobRepository jobs = RepositoryFactory.of(engine.sessionFactory()).create(TimedJobRepository.class);
        whileTheRowIsLocked(() -> {
            if (!db.name().equals("h2")) {
                assertThatThrownBy(() -> jobs.markAll("done"))
                        .as("on %s", db)
                        .isInstanceOf(QueryTimeoutException.class)
                        .hasMessageContaining("TimedJobRepository's @QueryTimeout of 1 s");
            }
        });
        assertThat(jobs.count()).isEqualTo(1);
    }

    @Test
    void aQueryTimeoutThatIsNoTimeLimitStopsTheStart() {
        assertThatThrownBy(() -> RepositoryFactory.of(engine.sessionFactory()).create(NonsenseTimeout.class))
                .isInstanceOf(QueryCreationException.class)
                .hasMessage("Cannot create query for method [NonsenseTimeout.countByState]; @QueryTimeout(0) is not a "
                        + "time limit; give a positive number of seconds");
    }
}
