package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.quarry.session.ObjectState;
import io.quarry.session.Session;
import io.quarry.spring.SpringManagedSession;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The shared Session bean and Spring transactions, on every test database. */
@CrossDatabaseTest
class SharedSessionIT {

    private final TestDatabase db;

    SharedSessionIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_host", "spring_account");
    }

    @Test
    void everyBeanSeesTheSameSessionAndIdentityMapInOneTransaction() {
        QuarryContext.on(db).withUserConfiguration(Services.class).run(context -> {
            long id = insertHost(context, "web-1");
            AtomicInteger statements = countStatements(context);

            HostReader first = context.getBean(HostReader.class);
            List<Object> seen = context.getBean(HostService.class).readTwice(id, first);

            assertThat(seen.get(0)).isNotNull().isSameAs(seen.get(1));
            assertThat(seen.get(2)).isSameAs(seen.get(3));
            assertThat(statements).hasValue(1);
        });
    }

    @Test
    void flushesBeforeCommit() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);
            Host host = new Host("web-1", 22);

            transactions(context).executeWithoutResult(status -> session.add(host));

            assertThat(count(context, "spring_host")).isEqualTo(1);
            assertThat(host.getId()).isNotNull();
        });
    }

    @Test
    void rollbackDiscardsPendingAndFlushedChanges() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);
            Host flushed = new Host("web-1", 22);
            Host pending = new Host("web-2", 22);

            transactions(context).executeWithoutResult(status -> {
                session.add(flushed);
                session.flush();
                session.add(pending);
                assertThat(session.stateOf(flushed)).isEqualTo(ObjectState.PERSISTENT);
                status.setRollbackOnly();
            });

            assertThat(count(context, "spring_host")).isZero();
            assertThat(flushed.getId()).isNull();
            assertThat(pending.getId()).isNull();
        });
    }

    @Test
    void aRolledBackVersionBumpLeavesTheObjectAsTheRowIsSoARetrySavesIt() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);
            transactions(context).executeWithoutResult(status -> session.add(new Account("ann", 10)));
            Account[] loaded = new Account[1];

            transactions(context).executeWithoutResult(status -> {
                loaded[0] = session.query(Account.class).one();
                loaded[0].setBalance(20);
                session.flush();
                assertThat(loaded[0].getVersion()).isEqualTo(2);
                status.setRollbackOnly();
            });
            assertThat(loaded[0].getVersion()).as("the row's version after the rollback, on %s", db).isEqualTo(1);
            transactions(context).executeWithoutResult(status -> session.merge(loaded[0]));

            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select balance from spring_account", Long.class)).isEqualTo(20L);
            assertThat(jdbc.queryForObject("select version from spring_account", Long.class)).isEqualTo(2L);
        });
    }

    @Test
    void aStreamLeftOpenIsClosedBeforeTheTransactionCommitsOnEveryDatabase() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);
            insertHost(context, "web-1");
            insertHost(context, "web-2");

            transactions(context).executeWithoutResult(status -> {
                java.util.Iterator<Host> rows = session.query(Host.class).stream().iterator();
                assertThat(rows.next()).isNotNull();
                session.add(new Host("web-3", 22));
            });

            assertThat(count(context, "spring_host")).as("committed on %s", db).isEqualTo(3);
        });
    }

    @Test
    void jdbcTemplateAndQuarryShareOneConnectionAndOneTransaction() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            transactions(context).executeWithoutResult(status -> {
                jdbc.update("insert into spring_host (hostname, port) values ('by-jdbc', 80)");
                assertThat(session.query(Host.class).filterBy("hostname", "by-jdbc").one().getPort()).isEqualTo(80);
                session.add(new Host("by-quarry", 443));
                session.flush();
                assertThat(jdbc.queryForObject("select count(*) from spring_host", Integer.class)).isEqualTo(2);
                status.setRollbackOnly();
            });

            assertThat(count(context, "spring_host")).isZero();
        });
    }

    @Test
    void requiresNewGetsASessionAndConnectionOfItsOwn() {
        QuarryContext.on(db).run(context -> {
            SpringManagedSession session = context.getBean(SpringManagedSession.class);
            TransactionTemplate requiresNew = transactions(context);
            requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

            transactions(context).executeWithoutResult(outer -> {
                session.add(new Host("outer", 1));
                Session outerSession = session.currentSession();
                requiresNew.executeWithoutResult(inner -> {
                    assertThat(session.currentSession()).isNotSameAs(outerSession);
                    session.add(new Host("inner", 2));
                });
                assertThat(session.currentSession()).isSameAs(outerSession);
                outer.setRollbackOnly();
            });

            assertThat(hostnames(context)).containsExactly("inner");
        });
    }

    @Test
    void nestedRollsBackToItsSavepointAndLeavesTheOuterSessionUntouched() {
        QuarryContext.on(db).run(context -> {
            SpringManagedSession session = context.getBean(SpringManagedSession.class);
            TransactionTemplate nested = transactions(context);
            nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
            Host outerHost = new Host("outer", 1);
            Host innerHost = new Host("inner", 2);

            transactions(context).executeWithoutResult(outer -> {
                Session outerSession = session.currentSession();
                session.add(outerHost);
                assertThatThrownBy(() -> nested.executeWithoutResult(inner -> {
                    session.add(innerHost);
                    session.flush();
                    throw new IllegalStateException("inner fails");
                })).hasMessage("inner fails");
                assertThat(session.currentSession()).isSameAs(outerSession);
                assertThat(session.stateOf(outerHost)).isEqualTo(ObjectState.PERSISTENT);
                assertThat(session.stateOf(innerHost)).isEqualTo(ObjectState.TRANSIENT);
                outerHost.setPort(11);
            });

            assertThat(hostnames(context)).containsExactly("outer");
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("select port from spring_host",
                    Integer.class)).isEqualTo(11);
        });
    }

    @Test
    void nestedThatCommitsKeepsItsWork() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);
            TransactionTemplate nested = transactions(context);
            nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

            transactions(context).executeWithoutResult(outer -> {
                session.add(new Host("outer", 1));
                nested.executeWithoutResult(inner -> session.add(new Host("inner", 2)));
            });

            assertThat(hostnames(context)).containsExactly("inner", "outer");
        });
    }

    @Test
    void readOnlyTransactionsNeverFlushAndRefuseWrites() {
        QuarryContext.on(db).run(context -> {
            long id = insertHost(context, "web-1");
            Session session = context.getBean(Session.class);
            TransactionTemplate readOnly = transactions(context);
            readOnly.setReadOnly(true);

            readOnly.executeWithoutResult(status -> {
                assertThat(session.options().readOnly()).isTrue();
                session.get(Host.class, id).setPort(99);
                assertThatThrownBy(() -> session.add(new Host("web-2", 22)))
                        .isInstanceOf(InvalidDataAccessApiUsageException.class)
                        .hasMessageContaining("read-only transaction");
            });

            assertThat(context.getBean(JdbcTemplate.class).queryForObject("select port from spring_host",
                    Integer.class)).isEqualTo(22);
        });
    }

    @Test
    void writesOutsideATransactionFailWithAHintToAddTransactional() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);

            assertThatThrownBy(() -> session.add(new Host("web-1", 22)))
                    .isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasMessageContaining("Cannot add Host outside a transaction")
                    .hasMessageContaining("@Transactional")
                    .hasMessageContaining("repository's save");
            assertThatThrownBy(session::flush).hasMessageContaining("Cannot flush outside a transaction");
            assertThatThrownBy(() -> session.query(Host.class).filterBy("port", 22).delete())
                    .hasMessageContaining("Cannot delete outside a transaction");
        });
    }

    @Test
    void readsOutsideATransactionRunInShortSessionsAndGiveTheirConnectionsBack() {
        QuarryContext.on(db).run(context -> {
            long id = insertHost(context, "web-1");
            Session session = context.getBean(Session.class);

            Host first = session.get(Host.class, id);
            Host second = session.get(Host.class, id);
            List<Host> all = session.query(Host.class).filterBy("port", 22).all();
            long counted = session.select(Host.class, io.quarry.sql.Sql.count()).one().get(0, Long.class);
            try (var stream = session.query(Host.class).stream()) {
                assertThat(stream.count()).isEqualTo(1);
            }

            assertThat(first).isNotSameAs(second);
            assertThat(all).hasSize(1);
            assertThat(counted).isEqualTo(1);
            assertThat(session.contains(first)).isFalse();
            assertThat(activeConnections()).isZero();
        });
    }

    @Test
    void commitAndRollbackOnTheSharedSessionPointToSpringsTransactions() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);

            assertThatThrownBy(session::commit).isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasMessageContaining("@Transactional").hasMessageContaining("setRollbackOnly");
            assertThatThrownBy(session::rollback).isInstanceOf(InvalidDataAccessApiUsageException.class);
        });
    }

    @Test
    void theTransactionsConnectionGoesBackToThePoolAfterCommitAndRollback() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);
            transactions(context).executeWithoutResult(status -> session.add(new Host("web-1", 22)));
            transactions(context).executeWithoutResult(status -> {
                session.query(Host.class).all();
                status.setRollbackOnly();
            });

            assertThat(activeConnections()).isZero();
        });
    }

    private int activeConnections() {
        return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
    }

    static TransactionTemplate transactions(AssertableApplicationContext context) {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    static long insertHost(AssertableApplicationContext context, String hostname) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        jdbc.update("insert into spring_host (hostname, port) values (?, 22)", hostname);
        return jdbc.queryForObject("select id from spring_host where hostname = ?", Long.class, hostname);
    }

    static int count(AssertableApplicationContext context, String table) {
        return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from " + table, Integer.class);
    }

    static List<String> hostnames(AssertableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForList("select hostname from spring_host order by hostname",
                String.class);
    }

    static AtomicInteger countStatements(AssertableApplicationContext context) {
        AtomicInteger statements = new AtomicInteger();
        context.getBean(io.quarry.session.Engine.class).addStatementListener((sql, rows, nanos) -> statements.incrementAndGet());
        return statements;
    }

    /** Two beans that both inject the shared session. */
    @Configuration(proxyBeanMethods = false)
    static class Services {

        @Bean
        HostReader hostReader(Session session) {
            return new HostReader(session);
        }

        @Bean
        HostService hostService() {
            return new HostService();
        }
    }

    static class HostReader {

        private final Session session;

        HostReader(Session session) {
            this.session = session;
        }

        Host read(long id) {
            return session.get(Host.class, id);
        }
    }

    @Service
    static class HostService {

        @Autowired
        Session session;

        /** Reads the host twice through each of two beans: session.get, then another bean's session.get. */
        @Transactional
        public List<Object> readTwice(long id, HostReader other) {
            Host mine = session.get(Host.class, id);
            Host theirs = other.read(id);
            return List.of(mine, theirs, session.get(Host.class, id), other.read(id));
        }
    }
}
