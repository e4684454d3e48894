package io.quarry.session;

import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.quarry.LockFailureException;
import io.quarry.dialect.LockTimeoutStatements;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lock timeout: how long a statement waits for a row another transaction holds. The engine's
 * default, a session's own, set once per transaction, put back before a pooled connection is reused,
 * and named in the failure. A second transaction waits on a row a first one holds; nothing is timed.
 */
@CrossDatabaseTest
class LockTimeoutIT {

    private final TestDatabase db;
    private Engine setup;

    LockTimeoutIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createServers() {
        setup = Engine.builder(db.dataSource()).build();
        setup.dropAll(Server.class);
        setup.createAll(Server.class);
        try (Session session = setup.openSession()) {
            session.add(new Server("held", "r1", 22));
            session.add(new Server("free", "r1", 22));
            session.commit();
        }
    }

    @AfterEach
    void dropServers() {
        setup.dropAll(Server.class);
    }

    /** The lock timeout in force on the session's connection, as the database reports it. */
    private String lockTimeoutSeen(Session session) {
        String sql = switch (db.name()) {
            case "postgresql" -> "select current_setting('lock_timeout') as setting";
            case "mysql" -> "select concat(@@session.innodb_lock_wait_timeout, '/', @@session.lock_wait_timeout) as setting";
            default -> "select cast(lock_timeout() as varchar) as setting";
        };
        return session.sqlRows(sql, Map.of()).get(0).getString(0);
    }

    /** What the database applies for 500 ms: MySQL takes whole seconds, and sets both of its lock waits. */
    private String halfASecondAsSeen() {
        return switch (db.name()) {
            case "postgresql" -> "500ms";
            case "mysql" -> "1/1";
            default -> "500";
        };
    }

    private String halfASecondInMessages() {
        return db.name().equals("mysql") ? "1 s (500 ms rounded up to whole seconds)" : "500 ms";
    }

    private static String sqlOf(Engine engine, io.quarry.sql.Predicate... filter) {
        try (Session session = engine.openSession()) {
            return session.query(Server.class).filter(filter).toSql().sql();
        }
    }

    /** Runs {@code waiter} while another transaction holds the row "held" (locked with FOR UPDATE). */
    private void whileHeld(Runnable waiter) {
        try (Session holder = setup.openSession()) {
            holder.query(Server.class).filter(col("name").eq("held")).forUpdate().all();
            try {
                waiter.run();
            } finally {
                holder.rollback();
            }
        }
    }

    @Test
    void aTransactionWaitingForAHeldRowFailsAtTheEnginesLockTimeoutAndSaysWhichAndHowToChangeIt() {
        Engine engine = Engine.builder(db.dataSource()).lockTimeout(Duration.ofMillis(500)).build();

        whileHeld(() -> {
            try (Session waiter = engine.openSession()) {
                assertThatThrownBy(() -> waiter.query(Server.class).filter(col("name").eq("held")).forUpdate().all())
                        .as("on %s", db)
                        .isInstanceOfSatisfying(LockFailureException.class, failure -> {
                            assertThat(failure.isDeadlock()).isFalse();
                            assertThat(failure.getLimit()).isEqualTo("the engine's lock timeout of " + halfASecondInMessages());
                        })
                        .hasMessageStartingWith("query Server (lock wait ended by the engine's lock timeout of "
                                + halfASecondInMessages() + "; roll back and retry the transaction, or change the lock "
                                + "timeout with Engine.builder(...).lockTimeout(...) or, in Spring, quarry.lock-timeout)");
            }
        });
    }

    @Test
    void aSessionsLockTimeoutReplacesTheEnginesDefault() {
        Engine engine = Engine.builder(db.dataSource()).lockTimeout(Duration.ofSeconds(100)).build();
        SessionFactory impatient = engine.sessionFactory()
                .withOptions(SessionOptions.DEFAULTS.withLockTimeout(Duration.ofMillis(500)));

        whileHeld(() -> {
            try (Session waiter = impatient.openSession()) {
                assertThat(lockTimeoutSeen(waiter)).as("on %s", db).isEqualTo(halfASecondAsSeen());
                assertThatThrownBy(() -> waiter.query(Server.class).filter(col("name").eq("held")).forUpdate().all())
                        .as("on %s", db)
                        .isInstanceOf(LockFailureException.class)
                        .hasMessageContaining("the session's lock timeout of " + halfASecondInMessages())
                        .hasMessageContaining("SessionOptions.withLockTimeout(...)");
            }
        });
    }

    @Test
    void aFlushWaitingForAHeldRowFailsAtTheLockTimeoutToo() {
        Engine engine = Engine.builder(db.dataSource()).lockTimeout(Duration.ofMillis(500)).build();

        whileHeld(() -> {
            try (Session waiter = engine.openSession()) {
                Server held = waiter.query(Server.class).filter(col("name").eq("held")).one();
                held.port = 2222;
                assertThatThrownBy(waiter::flush)
                        .as("on %s", db)
                        .isInstanceOf(LockFailureException.class)
                        .hasMessageStartingWith("flush")
                        .hasMessageContaining("lock wait ended by the engine's lock timeout of " + halfASecondInMessages());
                waiter.rollback();
            }
        });
    }

    @Test
    void aNowaitQuerySaysItDidNotWaitWhateverLockTimeoutIsSet() {
        Engine engine = Engine.builder(db.dataSource()).lockTimeout(Duration.ofSeconds(30)).build();

        whileHeld(() -> {
            try (Session waiter = engine.openSession()) {
                assertThatThrownBy(() -> waiter.query(Server.class).filter(col("name").eq("held")).forUpdateNowait().all())
                        .as("on %s", db)
                        .isInstanceOfSatisfying(LockFailureException.class, failure -> assertThat(failure.getLimit())
                                .isEqualTo("forUpdateNowait(), which does not wait for rows another transaction holds"));
            }
        });
    }

    @Test
    void theLockTimeoutIsPutBackBeforeThePooledConnectionServesALaterSession() {
        try (HikariDataSource pool = db.newPool(config -> config.setMaximumPoolSize(1))) {
            Engine plain = Engine.builder(pool).build();
            Engine bounded = Engine.builder(pool).lockTimeout(Duration.ofMillis(500)).build();
            String before;
            try (Session session = plain.openSession()) {
                before = lockTimeoutSeen(session);
            }
            assertThat(before).as("the test pool's own setting on %s", db).isNotEqualTo(halfASecondAsSeen());

            try (Session session = bounded.openSession()) { // committed
                assertThat(lockTimeoutSeen(session)).as("on %s", db).isEqualTo(halfASecondAsSeen());
                session.commit();
            }
            whileHeld(() -> {
                try (Session session = bounded.openSession()) { // failed, then closed without rollback()
                    assertThatThrownBy(() -> session.query(Server.class).filter(col("name").eq("held")).forUpdate().all())
                            .isInstanceOf(LockFailureException.class);
                }
            });

            try (Session later = plain.openSession()) {
                assertThat(lockTimeoutSeen(later)).as("the same pooled connection on %s", db).isEqualTo(before);
            }
        }
    }

    @Test
    void theLockTimeoutIsSetOncePerTransactionNotPerStatement() {
        RecordedStatements recorded = new RecordedStatements();
        Engine engine = Engine.builder(db.dataSource()).lockTimeout(Duration.ofSeconds(2)).statementListener(recorded)
                .build();
        String query = sqlOf(engine, col("name").eq("free"));

        try (Session session = engine.openSession()) {
            for (int transaction = 0; transaction < 2; transaction++) {
                for (int statement = 0; statement < 3; statement++) {
                    session.query(Server.class).filter(col("name").eq("free")).all();
                }
                session.commit();
            }
        }

        LockTimeoutStatements statements = engine.dialect().lockTimeout();
        List<String> transaction = new ArrayList<>();
        if (!statements.endsWithTransaction()) {
            transaction.add(statements.read());
        }
        transaction.addAll(List.of(statements.set(), query, query, query));
        if (!statements.endsWithTransaction()) {
            transaction.add(statements.set()); // putting the previous value back
        }
        List<String> expected = new ArrayList<>(transaction);
        expected.addAll(transaction);
        assertThat(recorded.take()).as("on %s", db).containsExactlyElementsOf(expected);
    }

    @Test
    void withoutALockTimeoutAndInAutoCommitNothingIsSet() {
        RecordedStatements recorded = new RecordedStatements();
        Engine plain = Engine.builder(db.dataSource()).statementListener(recorded).build();
        Engine bounded = Engine.builder(db.dataSource()).lockTimeout(Duration.ofSeconds(2)).statementListener(recorded)
                .build();
        String query = sqlOf(plain);

        try (Session session = plain.openSession()) {
            session.query(Server.class).all();
            session.commit();
        }
        SessionFactory autoCommit = bounded.sessionFactory()
                .withOptions(SessionOptions.DEFAULTS.withReadOnly(true).withAutoCommit(true));
        try (Session session = autoCommit.openSession()) {
            session.query(Server.class).all();
        }
        SessionFactory none = bounded.sessionFactory().withOptions(SessionOptions.DEFAULTS.withLockTimeout(Duration.ZERO));
        try (Session session = none.openSession()) {
            session.query(Server.class).all();
            session.commit();
        }

        assertThat(recorded.take()).as("on %s", db).containsExactly(query, query, query);
    }

    @Test
    void aLockWaitTheDatabasesOwnSettingEndsIsNamedSoWithTheWayToSetOne() {
        String ownSetting = switch (db.name()) {
            case "postgresql" -> "set lock_timeout = '300ms'";
            case "mysql" -> "set session innodb_lock_wait_timeout = 1";
            default -> "set lock_timeout 300";
        };
        try (HikariDataSource pool = db.newPool(config -> config.setConnectionInitSql(ownSetting))) {
            Engine engine = Engine.builder(pool).build();
            whileHeld(() -> {
                try (Session waiter = engine.openSession()) {
                    assertThatThrownBy(() -> waiter.query(Server.class).filter(col("name").eq("held")).forUpdate().all())
                            .as("on %s", db)
                            .isInstanceOfSatisfying(LockFailureException.class, failure -> assertThat(failure.getLimit())
                                    .isEqualTo("the database's own lock timeout"))
                            .hasMessageContaining("set a lock timeout with Engine.builder(...).lockTimeout(...)");
                }
            });
        }
    }

    @Test
    void anAutoCommitSessionKeepsTheDatabasesOwnSettingAndItsFailureSaysWhy() {
        String ownSetting = switch (db.name()) {
            case "postgresql" -> "set lock_timeout = '300ms'";
            case "mysql" -> "set session innodb_lock_wait_timeout = 1";
            default -> "set lock_timeout 300";
        };
        try (HikariDataSource pool = db.newPool(config -> config.setConnectionInitSql(ownSetting))) {
            SessionFactory autoCommit = Engine.builder(pool).lockTimeout(Duration.ofSeconds(100)).build().sessionFactory()
                    .withOptions(SessionOptions.DEFAULTS.withReadOnly(true).withAutoCommit(true));
            whileHeld(() -> {
                try (Session waiter = autoCommit.openSession()) {
                    assertThatThrownBy(() -> waiter.query(Server.class).filter(col("name").eq("held")).forUpdate().all())
                            .as("on %s", db)
                            .isInstanceOfSatisfying(LockFailureException.class, failure -> assertThat(failure.getLimit())
                                    .isEqualTo("the database's own lock timeout"))
                            .hasMessageContaining("the session's connection is in auto-commit mode, and Quarry sets the "
                                    + "engine's lock timeout of " + (db.name().equals("mysql") ? "100 s" : "100000 ms")
                                    + " on transactions only");
                }
            });
        }
    }

    @Test
    void negativeLockTimeoutsAreRefusedWhereTheyAreGiven() {
        assertThatThrownBy(() -> SessionOptions.DEFAULTS.withLockTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The lock timeout must not be negative");
        assertThatThrownBy(() -> Engine.builder(db.dataSource()).lockTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The lock timeout must not be negative");
        assertThat(Engine.builder(db.dataSource()).lockTimeout(Duration.ZERO).build().lockTimeout()).isNull();
    }
}
