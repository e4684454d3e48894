package io.quarry.session;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.LockFailureException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Row locks a query can take: wait, fail at once, skip held rows, or share. */
@CrossDatabaseTest
class RowLockIT {

    private final TestDatabase db;
    private Engine engine;

    RowLockIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createJobs() {
        engine = Engine.builder(db.dataSource()).build();
        engine.dropAll(Server.class);
        engine.createAll(Server.class);
        try (Session session = engine.openSession()) {
            for (int i = 1; i <= 5; i++) {
                session.add(new Server("job-" + i, "queue", i));
            }
            session.commit();
        }
    }

    @AfterEach
    void dropJobs() {
        engine.dropAll(Server.class);
    }

    @Test
    void skipLockedPassesOverRowsAnotherTransactionHolds() {
        try (Session worker1 = engine.openSession(); Session worker2 = engine.openSession()) {
            // InnoDB locks every row it scans: the held rows are found through the unique index on name
            List<Server> taken = worker1.query(Server.class).filter(col("name").in("job-1", "job-2"))
                    .orderBy(asc("id")).forUpdateSkipLocked().all();
            assertThat(taken).extracting(Server::getName).containsExactly("job-1", "job-2");

            List<Server> rest = worker2.query(Server.class).orderBy(asc("id")).forUpdateSkipLocked().all();

            assertThat(rest).as("on %s", db).extracting(Server::getName).containsExactly("job-3", "job-4", "job-5");
            worker1.rollback();
            worker2.rollback();
        }
    }

    @Test
    void nowaitFailsAtOnceWithALockFailureWhenARowIsHeld() {
        try (Session holder = engine.openSession(); Session other = engine.openSession()) {
            holder.query(Server.class).filter(col("name").eq("job-1")).forUpdate().all();

            assertThatThrownBy(() -> other.query(Server.class).filter(col("name").eq("job-1")).forUpdateNowait().all())
                    .as("on %s", db)
                    .isInstanceOf(LockFailureException.class);
            holder.rollback();
        }
    }

    @Test
    void nowaitTakesRowsNobodyHolds() {
        try (Session holder = engine.openSession(); Session other = engine.openSession()) {
            holder.query(Server.class).filter(col("name").eq("job-1")).forUpdate().all();

            List<Server> free = other.query(Server.class).filter(col("name").eq("job-2")).forUpdateNowait().all();

            assertThat(free).extracting(Server::getName).containsExactly("job-2");
            holder.rollback();
            other.rollback();
        }
    }

    @Test
    void aSharedLockKeepsWritersOutButLetsOtherReadersShare() {
        try (Session reader = engine.openSession(); Session other = engine.openSession()) {
            reader.query(Server.class).filter(col("name").eq("job-1")).forShare().all();

            assertThatThrownBy(() -> other.query(Server.class).filter(col("name").eq("job-1")).forUpdateNowait().all())
                    .as("on %s", db)
                    .isInstanceOf(LockFailureException.class);
            other.rollback();
            if (!db.name().equals("h2")) { // H2 has no shared row locks: its FOR SHARE is FOR UPDATE
                assertThat(other.query(Server.class).filter(col("name").eq("job-1")).forShare().all())
                        .as("on %s", db)
                        .hasSize(1);
                other.rollback();
            }
            reader.rollback();
        }
    }

    @Test
    void countingALockedQueryCountsWithoutLocking() {
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).forUpdate().count()).isEqualTo(5);
            assertThat(session.query(Server.class).forUpdateSkipLocked().count()).isEqualTo(5);
        }
    }
}
