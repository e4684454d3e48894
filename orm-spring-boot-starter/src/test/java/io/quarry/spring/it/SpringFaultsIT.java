package io.quarry.spring.it;

import static io.quarry.spring.it.SharedSessionIT.count;
import static io.quarry.spring.it.SharedSessionIT.insertHost;
import static io.quarry.spring.it.SharedSessionIT.transactions;
import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Faults under a Spring transaction: the server kills the transaction's connection, two transactions
 * deadlock, the pool has no connection left. Each leaves as a Spring {@link DataAccessException}, commits
 * nothing and leaves the pool usable with no connection in use. Each test runs on a pool of its own.
 */
@CrossDatabaseTest
@Tag("reliability")
class SpringFaultsIT {

    private static final long LIMIT_SECONDS = 60;

    private final TestDatabase db;
    private final List<HikariDataSource> pools = new ArrayList<>();

    SpringFaultsIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTablesAndPools() {
        db.dropTablesQuietly("spring_host", "spring_account");
        pools.forEach(HikariDataSource::close);
    }

    /**
     * Where the statement that meets the dead connection runs inside the callback, the caller gets its
     * DataAccessException, or, when Spring's rollback on the dead connection fails as well, a
     * TransactionSystemException ("JDBC rollback failed") that carries it as the application exception:
     * HikariCP swaps a broken connection for a stand-in whose SQLException has no SQLState, which Spring
     * cannot translate. JdbcTemplate in the same place gets exactly the same, which this test checks too.
     */
    @Test
    void aConnectionKilledMidTransactionFailsAsForJdbcTemplateWithADataAccessExceptionCommitsNothingAndThePoolStaysUsable() {
        HikariDataSource pool = pool(2);
        QuarryContext.on(db, pool).run(context -> {
            Session session = context.getBean(Session.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            Throwable quarry = catchThrowable(() -> transactions(context).executeWithoutResult(status -> {
                session.add(new Host("before-the-kill", 22));
                session.flush();
                kill(session.sqlRows(ownConnectionIdSql(), Map.of()).get(0).get(0));
                session.add(new Host("after-the-kill", 22));
                session.flush();
            }));
            waitOutHikariAliveBypassOnH2();
            Throwable jdbcTemplate = catchThrowable(() -> transactions(context).executeWithoutResult(status -> {
                jdbc.update("insert into spring_host (hostname, port) values ('jdbc-before-the-kill', 22)");
                kill(jdbc.queryForObject(ownConnectionIdSql(), Number.class));
                jdbc.update("insert into spring_host (hostname, port) values ('jdbc-after-the-kill', 22)");
            }));
            waitOutHikariAliveBypassOnH2();

            assertThat(dataAccessFailure(quarry)).as("Quarry's failure on %s: %s", db, quarry).isNotNull();
            assertThat(quarry.getClass()).as("Quarry's against JdbcTemplate's on %s", db)
                    .isEqualTo(jdbcTemplate.getClass());
            assertThat(count(context, "spring_host")).as("hosts committed on %s", db).isZero();
            for (int i = 0; i < 3; i++) {
                int port = i;
                transactions(context).executeWithoutResult(status -> session.add(new Host("after-" + port, port)));
            }
            assertThat(count(context, "spring_host")).as("hosts committed after the kill on %s", db).isEqualTo(3);
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use on %s", db).isZero();
            System.out.println("reliability[" + db + "] Spring, killed connection: " + quarry.getClass().getSimpleName()
                    + " carrying " + dataAccessFailure(quarry).getClass().getSimpleName() + ": "
                    + dataAccessFailure(quarry).getMessage().lines().findFirst().orElse(""));
        });
    }

    @Test
    void aConnectionKilledBeforeCommitCommitsNothingAndThePoolStaysUsable() {
        HikariDataSource pool = pool(2);
        QuarryContext.on(db, pool).run(context -> {
            Session session = context.getBean(Session.class);

            // the last add is flushed at commit (beforeCommit), after the kill
            Throwable thrown = catchThrowable(() -> transactions(context).executeWithoutResult(status -> {
                session.add(new Host("before-the-kill", 22));
                session.flush();
                kill(session.sqlRows(ownConnectionIdSql(), Map.of()).get(0).get(0));
                session.add(new Host("after-the-kill", 22));
            }));
            waitOutHikariAliveBypassOnH2();

            assertThat(thrown).as("on %s", db).isInstanceOfAny(DataAccessException.class,
                    TransactionSystemException.class);
            assertThat(count(context, "spring_host")).as("hosts committed on %s", db).isZero();
            transactions(context).executeWithoutResult(status -> session.add(new Host("after", 22)));
            assertThat(count(context, "spring_host")).as("hosts committed after the kill on %s", db).isEqualTo(1);
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use on %s", db).isZero();
        });
    }

    /** The DataAccessException behind a failed transaction: thrown itself, or the application exception. */
    private static DataAccessException dataAccessFailure(Throwable thrown) {
        if (thrown instanceof DataAccessException dataAccess) {
            return dataAccess;
        }
        if (thrown instanceof TransactionSystemException system
                && system.getApplicationException() instanceof DataAccessException dataAccess) {
            return dataAccess;
        }
        return null;
    }

    @Test
    void twoTransactionsThatDeadlockEndInAPessimisticLockingFailureForOneOfThem() {
        HikariDataSource pool = pool(3);
        QuarryContext.on(db, pool).run(context -> {
            insertHost(context, "web-1");
            insertHost(context, "web-2");
            Session session = context.getBean(Session.class);
            CountDownLatch bothHoldOneRow = new CountDownLatch(2);

            List<Throwable> outcomes = inParallel(List.of("web-1", "web-2"), mine -> {
                String theirs = mine.equals("web-1") ? "web-2" : "web-1";
                transactions(context).executeWithoutResult(status -> {
                    lockHost(session, mine);
                    bothHoldOneRow.countDown();
                    await(bothHoldOneRow);
                    lockHost(session, theirs).setPort(2222);
                });
            });

            List<Throwable> failures = outcomes.stream().filter(outcome -> outcome != null).toList();
            assertThat(failures).as("failed transactions on %s", db).hasSize(1);
            assertThat(failures.get(0)).as("on %s", db).isInstanceOf(PessimisticLockingFailureException.class);
            assertThat(context.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from spring_host where port = 2222", Integer.class)).isEqualTo(1);
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use on %s", db).isZero();
            System.out.println("reliability[" + db + "] Spring, deadlock: " + failures.get(0).getClass().getSimpleName());
        });
    }

    @Test
    void readsAndTransactionsThatFindThePoolExhaustedFailWithAClearErrorAndTakeNothing() {
        HikariDataSource pool = pool(1);
        QuarryContext.on(db, pool).run(context -> {
            Session session = context.getBean(Session.class);
            List<Throwable> thrown = new ArrayList<>();

            transactions(context).executeWithoutResult(status -> {
                session.query(Host.class).all(); // the one connection is this transaction's now
                TransactionTemplate requiresNew = transactions(context);
                requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                thrown.add(catchThrowable(() -> requiresNew.executeWithoutResult(inner -> session.query(Host.class).all())));
                // a read outside any transaction, on a thread of its own: Quarry's short auto-commit session
                thrown.addAll(inParallel(List.of("reader"), reader -> session.query(Host.class).all()));
            });

            assertThat(thrown.get(0)).as("a new transaction on %s", db)
                    .isInstanceOf(CannotCreateTransactionException.class)
                    .hasStackTraceContaining("request timed out");
            assertThat(thrown.get(1)).as("a read outside transactions on %s", db)
                    .isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("request timed out");
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use on %s", db).isZero();
            assertThat(session.query(Host.class).all()).isEmpty();
            for (Throwable error : thrown) {
                System.out.println("reliability[" + db + "] Spring, pool exhausted: " + error.getClass().getSimpleName()
                        + ": " + error.getMessage());
            }
        });
    }

    private HikariDataSource pool(int size) {
        HikariDataSource pool = db.newPool(config -> {
            config.setMaximumPoolSize(size);
            config.setConnectionTimeout(1_000);
        });
        pools.add(pool);
        return pool;
    }

    private static Host lockHost(Session session, String hostname) {
        return session.query(Host.class).filter(col("hostname").eq(hostname)).forUpdate().one();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the other transaction never took its row");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs {@code work} once per argument on threads of its own; returns what each threw (null: nothing). */
    private static <A> List<Throwable> inParallel(List<A> arguments, java.util.function.Consumer<A> work) {
        ExecutorService executor = Executors.newFixedThreadPool(arguments.size());
        try {
            List<Future<Throwable>> futures = new ArrayList<>();
            for (A argument : arguments) {
                futures.add(executor.submit(() -> catchThrowable(() -> work.accept(argument))));
            }
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Throwable> future : futures) {
                outcomes.add(future.get(LIMIT_SECONDS, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("workers did not finish within " + LIMIT_SECONDS + " s: " + e, e);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * HikariCP evicts a connection whose error it knows as fatal (MySQL's 08S01, PostgreSQL's 57P01), but
     * not H2's "Database is already closed" (90121) after ABORT_SESSION: the dead connection goes back to
     * the pool, and HikariCP tests a connection before handing it out only when it has been idle for
     * 500 ms (its alive-bypass window). Waiting that out once lets the pool find and replace it.
     */
    private void waitOutHikariAliveBypassOnH2() throws InterruptedException {
        if (db.name().equals("h2")) {
            Thread.sleep(600);
        }
    }

    private String ownConnectionIdSql() {
        return switch (db.name()) {
            case "mysql" -> "select connection_id() as id";
            case "postgresql" -> "select pg_backend_pid() as id";
            default -> "select session_id() as id";
        };
    }

    /** Ends the database session {@code id} from a connection of the shared pool, and waits until it is gone. */
    private void kill(Object id) {
        long sessionId = ((Number) id).longValue();
        try (Connection admin = db.dataSource().getConnection(); Statement statement = admin.createStatement()) {
            switch (db.name()) {
                case "mysql" -> statement.execute("kill " + sessionId);
                case "postgresql" -> statement.execute("select pg_terminate_backend(" + sessionId + ")");
                default -> statement.execute("call abort_session(" + sessionId + ")");
            }
            String stillThere = switch (db.name()) {
                case "mysql" -> "select count(*) from information_schema.processlist where id = " + sessionId;
                case "postgresql" -> "select count(*) from pg_stat_activity where pid = " + sessionId;
                default -> "select count(*) from information_schema.sessions where session_id = " + sessionId;
            };
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try (ResultSet rs = statement.executeQuery(stillThere)) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("session " + sessionId + " still there 10 s after being killed on " + db);
                }
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot kill session " + sessionId + " on " + db + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
