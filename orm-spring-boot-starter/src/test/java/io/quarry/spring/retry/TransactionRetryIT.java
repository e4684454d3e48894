package io.quarry.spring.retry;

import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarry.session.Session;
import io.quarry.spring.boot.QuarryAutoConfiguration;
import io.quarry.spring.boot.QuarryEntities;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whole transactions run again after a transient failure, on real servers: two transactions forced into
 * a deadlock (MariaDB and PostgreSQL) and into write skew at SERIALIZABLE (PostgreSQL aborts one with
 * 40001; InnoDB's SERIALIZABLE share-locks the reads and deadlocks instead), each ending committed exactly
 * once, with the attempts counted. And what is never retried: a transaction joined from outside, an
 * error that is not transient; and what running out of attempts looks like. Latches order the two
 * transactions' first attempts; nothing is timed.
 */
@CrossDatabaseTest
@ExtendWith(OutputCaptureExtension.class)
class TransactionRetryIT {

    private static final long WAIT_SECONDS = 60;

    private final TestDatabase db;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    TransactionRetryIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        db.dropTablesQuietly("retry_duty");
    }

    private ApplicationContextRunner context() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class,
                        TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        QuarryAutoConfiguration.class, QuarryRetryAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DelegatingDataSource(db.dataSource()))
                .withBean(QuarryEntities.class, () -> QuarryEntities.of(Duty.class))
                .withPropertyValues("quarry.ddl-auto=drop-create", "quarry.retry.delay=30ms", "quarry.retry.jitter=10ms");
    }

    private void assumeConcurrentServer() {
        // H2 in memory is not where deadlocks and serialization failures of real servers are shown
        assumeTrue(!db.name().equals("h2"), "MariaDB and PostgreSQL only");
    }

    /** Two doctors on call, a and b; returns their ids. */
    private static long[] twoOnCall(AssertableApplicationContext context) {
        Session session = context.getBean(Session.class);
        TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        return transactions.execute(status -> {
            Duty a = new Duty("a", true);
            Duty b = new Duty("b", true);
            session.add(a);
            session.add(b);
            session.flush();
            return new long[] {a.getId(), b.getId()};
        });
    }

    private static List<Duty> all(AssertableApplicationContext context) {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                .execute(status -> context.getBean(Session.class).query(Duty.class).orderBy(io.quarry.sql.Sql.asc("id")).all());
    }

    private <T> T await(Future<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction did not get there in " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoTransactionsThatDeadlockBothCommitOnceAfterOneIsRetried() {
        assumeConcurrentServer();
        context().run(context -> {
            long[] ids = twoOnCall(context);
            Session session = context.getBean(Session.class);
            RetryingTransactions retrying = context.getBean(RetryingTransactions.class);
            CountDownLatch firstHoldsA = new CountDownLatch(1);
            CountDownLatch secondHoldsB = new CountDownLatch(1);

            // each locks one row, waits until the other holds the other row, then asks for it: a deadlock
            Callable<Integer> first = () -> retrying.executeAndCount(status -> {
                Duty a = session.query(Duty.class).filter(col("id").eq(ids[0])).forUpdate().one();
                firstHoldsA.countDown();
                await(secondHoldsB);
                Duty b = session.query(Duty.class).filter(col("id").eq(ids[1])).forUpdate().one();
                a.addShifts(1);
                b.addShifts(1);
                return null;
            }).attempts();
            Callable<Integer> second = () -> retrying.executeAndCount(status -> {
                await(firstHoldsA);
                Duty b = session.query(Duty.class).filter(col("id").eq(ids[1])).forUpdate().one();
                secondHoldsB.countDown();
                Duty a = session.query(Duty.class).filter(col("id").eq(ids[0])).forUpdate().one();
                a.addShifts(1);
                b.addShifts(1);
                return null;
            }).attempts();
            Future<Integer> firstAttempts = threads.submit(first);
            Future<Integer> secondAttempts = threads.submit(second);

            int attempts = await(firstAttempts) + await(secondAttempts);
            assertThat(attempts).as("attempts on %s", db).isGreaterThanOrEqualTo(3);
            assertThat(retrying.retries()).isEqualTo(attempts - 2);
            assertThat(retrying.exhausted()).isZero();
            // A retry can meet the other transaction again (on PostgreSQL the retried one may take row b
            // before the survivor, woken by the rollback, does), so a third attempt is legitimate; what
            // must hold is that both committed, each exactly once: one shift from each on each row
            assertThat(all(context)).extracting(Duty::getShifts).containsExactly(2, 2);
        });
    }

    @Test
    void writeSkewAtSerializableIsRetriedAndTheRetrySeesTheOtherCommit() {
        assumeConcurrentServer();
        context().run(context -> {
            long[] ids = twoOnCall(context);
            Session session = context.getBean(Session.class);
            RetryingTransactions serializable = context.getBean(RetryingTransactions.class)
                    .with(definition(TransactionDefinition.ISOLATION_SERIALIZABLE));
            CountDownLatch bothRead = new CountDownLatch(2);

            // each doctor goes off call if the other is still on call: run side by side, both would go
            Future<Integer> a = threads.submit(() -> serializable.executeAndCount(status -> {
                goOffCallIfAnotherIsOn(session, ids[0], bothRead);
                return null;
            }).attempts());
            Future<Integer> b = threads.submit(() -> serializable.executeAndCount(status -> {
                goOffCallIfAnotherIsOn(session, ids[1], bothRead);
                return null;
            }).attempts());

            int attempts = await(a) + await(b);
            assertThat(attempts).as("attempts on %s", db).isGreaterThanOrEqualTo(3);
            assertThat(serializable.retries()).isEqualTo(attempts - 2);
            assertThat(serializable.exhausted()).isZero();
            assertThat(all(context)).extracting(Duty::isOnCall).as("exactly one doctor stays on call")
                    .containsExactlyInAnyOrder(true, false);
        });
    }

    /** The rota's rule: leave only while someone else is on call. Both read before either writes (first attempt). */
    static void goOffCallIfAnotherIsOn(Session session, long id, CountDownLatch bothRead) {
        List<Duty> duties = session.query(Duty.class).all();
        bothRead.countDown();
        await(bothRead);
        long othersOnCall = duties.stream().filter(d -> d.getId() != id && d.isOnCall()).count();
        if (othersOnCall > 0) {
            duties.stream().filter(d -> d.getId() == id).findFirst().orElseThrow().setOnCall(false);
        }
    }

    @Test
    void aRetryableTransactionalMethodIsRetriedWholeAndItsFailuresAreCounted() {
        assumeConcurrentServer();
        context().withUserConfiguration(RotaConfiguration.class).run(context -> {
            long[] ids = twoOnCall(context);
            Rota rota = context.getBean(Rota.class);
            CountDownLatch bothRead = new CountDownLatch(2);

            Future<?> a = threads.submit(() -> rota.goOffCall(ids[0], bothRead));
            Future<?> b = threads.submit(() -> rota.goOffCall(ids[1], bothRead));
            await(a);
            await(b);

            assertThat(rota.calls()).as("calls of the method body on %s", db).isGreaterThanOrEqualTo(3);
            assertThat(context.getBean(RetryEvents.class).failures())
                    .containsExactly(java.util.Map.entry(Rota.class.getName() + ".goOffCall", rota.calls() - 2L));
            assertThat(context.getBean(RetryEvents.class).exhausted()).isEmpty();
            assertThat(all(context)).extracting(Duty::isOnCall).containsExactlyInAnyOrder(true, false);
        });
    }

    @Test
    void aTransientFailureInsideATransactionBegunEarlierIsLeftToThatTransactionsCaller() {
        context().run(context -> {
            RetryingTransactions retrying = context.getBean(RetryingTransactions.class);
            TransactionTemplate outer = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            AtomicInteger attempts = new AtomicInteger();

            assertThatThrownBy(() -> outer.executeWithoutResult(status -> retrying.executeWithoutResult(inner -> {
                attempts.incrementAndGet();
                throw new CannotAcquireLockException("deadlock in the joined transaction");
            }))).isInstanceOf(CannotAcquireLockException.class);

            assertThat(attempts).hasValue(1);
            assertThat(retrying.retries()).isZero();
            assertThat(retrying.exhausted()).isZero();
        });
    }

    @Test
    void anErrorThatIsNotTransientIsNotRetriedAndItsTransactionIsRolledBack() {
        context().run(context -> {
            RetryingTransactions retrying = context.getBean(RetryingTransactions.class);
            Session session = context.getBean(Session.class);
            AtomicInteger attempts = new AtomicInteger();

            assertThatThrownBy(() -> retrying.executeWithoutResult(status -> {
                attempts.incrementAndGet();
                session.add(new Duty("c", true));
                session.flush();
                throw new IllegalStateException("a bug, not a conflict");
            })).isInstanceOf(IllegalStateException.class).hasMessage("a bug, not a conflict");

            assertThat(attempts).hasValue(1);
            assertThat(all(context)).isEmpty();
        });
    }

    @Test
    void runningOutOfAttemptsRethrowsTheLastErrorAfterRollingBackEachAttempt(CapturedOutput output) {
        context().withPropertyValues("quarry.retry.max-retries=2").run(context -> {
            RetryingTransactions retrying = context.getBean(RetryingTransactions.class);
            Session session = context.getBean(Session.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            AtomicInteger attempts = new AtomicInteger();

            assertThatThrownBy(() -> retrying.executeWithoutResult(status -> {
                session.add(new Duty("attempt " + attempts.incrementAndGet(), true));
                session.flush();
                throw new CannotAcquireLockException("lock not available, attempt " + attempts.get());
            })).isInstanceOf(CannotAcquireLockException.class).hasMessage("lock not available, attempt 3");

            assertThat(attempts).as("1 + quarry.retry.max-retries").hasValue(3);
            assertThat(retrying.retries()).isEqualTo(2);
            assertThat(retrying.exhausted()).isEqualTo(1);
            assertThat(output).contains("io.quarry.Retry - transaction " + TransactionRetryIT.class.getName()
                    + ": gave up after 3 attempts");
            assertThat(jdbc.queryForObject("select count(*) from retry_duty", Long.class)).isZero();
        });
    }

    @Test
    void noRetryIsConfiguredWhenTheApplicationHasItsOwn() {
        context().withBean("myRetrying", RetryingTransactions.class,
                () -> new RetryingTransactions(new org.springframework.jdbc.support.JdbcTransactionManager(
                        db.dataSource()), RetryingTransactions.defaultPolicy().maxRetries(0).build()))
                .run(context -> assertThat(context).getBeanNames(RetryingTransactions.class).containsExactly("myRetrying"));
    }

    private static TransactionDefinition definition(int isolation) {
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(isolation);
        return definition;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableResilientMethods
    static class RotaConfiguration {

        @Bean
        Rota rota(Session session) {
            return new Rota(session);
        }
    }

    /** A service as an application writes it: @Retryable outside, @Transactional inside. */
    public static class Rota {

        private final Session session;
        private final AtomicInteger calls = new AtomicInteger();

        public Rota(Session session) {
            this.session = session;
        }

        @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 30, jitter = 10)
        @Transactional(isolation = Isolation.SERIALIZABLE)
        public void goOffCall(long id, CountDownLatch bothRead) {
            calls.incrementAndGet();
            goOffCallIfAnotherIsOn(session, id, bothRead);
        }

        /** How often the method body ran (a method: the CGLIB proxy's own fields are not the target's). */
        public int calls() {
            return calls.get();
        }
    }
}
