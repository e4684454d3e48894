package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spring.it.repo.HostRepository;
import io.quarry.spring.repository.EnableQuarryRepositories;
import io.quarry.spring.repository.QuarryRepositoriesAutoConfiguration;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The starter in an application with {@code spring.threads.virtual.enabled=true}: repository calls from
 * the virtual threads of the task executor Spring Boot configures (directly and through {@code @Async}),
 * each in its own transaction, bound to the thread that runs it. Needs JDK 21 or later (Spring Boot uses
 * virtual threads only there); on the build's JDK 17 it is skipped, so run it on a later JDK:
 * {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -pl orm-spring-boot-starter -am verify
 * -Dit.test=VirtualThreadsIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@CrossDatabaseTest
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadsIT {

    private static final int TASKS = 24;
    private static final long WAIT_SECONDS = 60;

    private final TestDatabase db;

    VirtualThreadsIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_host", "spring_account");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableQuarryRepositories(basePackageClasses = HostRepository.class)
    @EnableAsync
    static class AsyncApplication {

        @Bean
        HostRegistrar hostRegistrar(HostRepository hosts) {
            return new HostRegistrar(hosts);
        }
    }

    /** Registers a host from an {@code @Async} method in a transaction of its own. */
    static class HostRegistrar {

        private final HostRepository hosts;

        @Autowired
        HostRegistrar(HostRepository hosts) {
            this.hosts = hosts;
        }

        /** Saves a host and reads it back in the same transaction; what the thread and the transaction were. */
        @Async
        @Transactional
        public CompletableFuture<Seen> register(String hostname) {
            Host saved = hosts.save(new Host(hostname, 22));
            Host found = hosts.findByHostname(hostname).orElseThrow();
            return CompletableFuture.completedFuture(new Seen(isVirtual(Thread.currentThread()),
                    TransactionSynchronizationManager.isActualTransactionActive(), saved == found));
        }
    }

    /** On which kind of thread a task ran, whether in a transaction, and whether it saw its own object again. */
    record Seen(boolean virtual, boolean inTransaction, boolean sameObject) {
    }

    private ApplicationContextRunner context() {
        return QuarryContext.on(db)
                .withConfiguration(AutoConfigurations.of(QuarryRepositoriesAutoConfiguration.class,
                        TaskExecutionAutoConfiguration.class))
                .withUserConfiguration(AsyncApplication.class)
                .withPropertyValues("spring.threads.virtual.enabled=true");
    }

    @Test
    void repositoryCallsFromBootsVirtualThreadsRunEachInTheTransactionOfItsThread() {
        context().run(context -> {
            assertThat(context).hasNotFailed();
            AsyncTaskExecutor executor = context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class);
            HostRepository hosts = context.getBean(HostRepository.class);
            TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            List<Future<Seen>> tasks = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                String hostname = "vt-" + i;
                boolean rollBack = i % 3 == 0;
                tasks.add(executor.submit(() -> transactions.execute(status -> {
                    Host saved = hosts.save(new Host(hostname, 22));
                    Host found = hosts.findById(saved.getId()).orElseThrow();
                    if (rollBack) {
                        status.setRollbackOnly();
                    }
                    return new Seen(isVirtual(Thread.currentThread()),
                            TransactionSynchronizationManager.isActualTransactionActive(), saved == found);
                })));
            }

            for (Future<Seen> task : tasks) {
                assertThat(task.get(WAIT_SECONDS, TimeUnit.SECONDS)).as("on %s", db).isEqualTo(new Seen(true, true, true));
            }
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from spring_host", Long.class))
                    .as("the rolled-back third of the tasks left nothing, the others committed, on %s", db)
                    .isEqualTo(TASKS - (TASKS + 2) / 3);
            assertThat(hosts.findByHostname("vt-0")).isEmpty();
            assertThat(hosts.findByHostname("vt-1")).isPresent();
        });
    }

    @Test
    void asyncTransactionalMethodsRunOnVirtualThreadsWithTheirOwnSessions() {
        context().run(context -> {
            HostRegistrar registrar = context.getBean(HostRegistrar.class);
            List<CompletableFuture<Seen>> calls = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                calls.add(registrar.register("async-" + i));
            }

            for (CompletableFuture<Seen> call : calls) {
                assertThat(call.get(WAIT_SECONDS, TimeUnit.SECONDS)).as("on %s", db).isEqualTo(new Seen(true, true, true));
            }
            assertThat(context.getBean(HostRepository.class).count()).isEqualTo(TASKS);
        });
    }

    /** {@code Thread.isVirtual()}, called reflectively: the tests compile for Java 17. */
    private static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
