package io.quarry.spring.it;

import static io.quarry.spring.it.SharedSessionIT.transactions;
import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.quarry.LockFailureException;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code quarry.lock-timeout}: a Spring transaction waiting for a row another transaction holds fails
 * after it with Spring's {@link CannotAcquireLockException}, the pooled connection gets its own setting
 * back, and a rollback to a savepoint does not lose it. A second transaction waits on a row a first
 * one holds (a plain JDBC connection); nothing is timed.
 */
@CrossDatabaseTest
class LockTimeoutIT {

    private final TestDatabase db;

    LockTimeoutIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_host", "spring_account");
    }

    private String halfASecondInMessages() {
        return db.name().equals("mysql") ? "1 s (500 ms rounded up to whole seconds)" : "500 ms";
    }

    /** The lock timeout in force on the transaction's connection, as the database reports it. */
    private String lockTimeoutSeen(JdbcTemplate jdbc) {
        String sql = switch (db.name()) {
            case "postgresql" -> "select current_setting('lock_timeout')";
            case "mysql" -> "select concat(@@session.innodb_lock_wait_timeout, '/', @@session.lock_wait_timeout)";
            default -> "select cast(lock_timeout() as varchar)";
        };
        return jdbc.queryForObject(sql, String.class);
    }

    private String halfASecondAsSeen() {
        return switch (db.name()) {
            case "postgresql" -> "500ms";
            case "mysql" -> "1/1";
            default -> "500";
        };
    }

    /** Runs {@code waiter} while a transaction of a connection of its own holds the row of host "held". */
    private void whileHeld(AssertableApplicationContext context, Runnable waiter) throws SQLException {
        context.getBean(Session.class);
        SharedSessionIT.insertHost(context, "held");
        try (Connection holder = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.executeUpdate("update spring_host set port = 1 where hostname = 'held'");
                waiter.run();
            } finally {
                holder.rollback();
            }
        }
    }

    @Test
    void theLockTimeoutPropertyEndsATransactionsWaitForAHeldRowWithCannotAcquireLock() {
        QuarryContext.on(db).withPropertyValues("quarry.lock-timeout=500ms").run(context -> {
            Session session = context.getBean(Session.class);
            whileHeld(context, () -> assertThatThrownBy(() -> transactions(context).executeWithoutResult(status ->
                    session.query(Host.class).filter(col("hostname").eq("held")).forUpdate().all()))
                    .as("on %s", db)
                    .isInstanceOf(CannotAcquireLockException.class)
                    .hasMessageContaining("lock wait ended by the engine's lock timeout of " + halfASecondInMessages())
                    .hasMessageContaining("quarry.lock-timeout")
                    .satisfies(failure -> {
                        // what Spring's error-code translator makes of the same driver error
                        SQLException driverError = ((LockFailureException) failure.getCause()).getSQLException();
                        DataAccessException byErrorCode = new SQLErrorCodeSQLExceptionTranslator(db.dataSource())
                                .translate("query", null, driverError);
                        assertThat(byErrorCode).isInstanceOf(failure.getClass());
                    }));
        });
    }

    @Test
    void jdbcTemplateInTheSameTransactionWaitsNoLongerAfterQuarrysFirstStatement() {
        QuarryContext.on(db).withPropertyValues("quarry.lock-timeout=500ms").run(context -> {
            Session session = context.getBean(Session.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            whileHeld(context, () -> {
                Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() ->
                        transactions(context).executeWithoutResult(status -> {
                            session.query(Host.class).filter(col("hostname").eq("free")).all();
                            jdbc.queryForList("select port from spring_host where hostname = 'held' for update");
                        }));
                assertThat(failure).as("on %s", db).isInstanceOf(DataAccessException.class);
                System.out.println("lock timeout [" + db + "] JdbcTemplate, same error: "
                        + failure.getClass().getSimpleName());
            });
        });
    }

    @Test
    void thePooledConnectionGetsItsOwnSettingBackAfterTheTransaction() {
        try (HikariDataSource pool = db.newPool(config -> config.setMaximumPoolSize(1))) {
            QuarryContext.on(db, pool).withPropertyValues("quarry.lock-timeout=500ms").run(context -> {
                Session session = context.getBean(Session.class);
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                String before = lockTimeoutSeen(jdbc);

                String during = transactions(context).execute(status -> {
                    session.query(Host.class).all();
                    return lockTimeoutSeen(jdbc);
                });
                transactions(context).executeWithoutResult(status -> {
                    session.query(Host.class).all();
                    status.setRollbackOnly();
                });

                assertThat(during).as("on %s", db).isEqualTo(halfASecondAsSeen());
                assertThat(lockTimeoutSeen(jdbc)).as("the same pooled connection on %s", db).isEqualTo(before);
            });
        }
    }

    @Test
    void aRollbackToASavepointDoesNotLoseTheLockTimeout() {
        QuarryContext.on(db).withPropertyValues("quarry.lock-timeout=500ms").run(context -> {
            Session session = context.getBean(Session.class);
            TransactionTemplate nested = transactions(context);
            nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

            String afterSavepointRollback = transactions(context).execute(outer -> {
                context.getBean(JdbcTemplate.class).queryForList("select 1");
                nested.executeWithoutResult(inner -> { // Quarry's first statement, after the savepoint
                    session.query(Host.class).all();
                    inner.setRollbackOnly();
                });
                return session.sqlRows(switch (db.name()) {
                    case "postgresql" -> "select current_setting('lock_timeout') as setting";
                    case "mysql" -> "select concat(@@session.innodb_lock_wait_timeout, '/', @@session.lock_wait_timeout)"
                            + " as setting";
                    default -> "select cast(lock_timeout() as varchar) as setting";
                }, Map.of()).get(0).getString(0);
            });

            assertThat(afterSavepointRollback).as("on %s", db).isEqualTo(halfASecondAsSeen());
        });
    }

    @Test
    void withoutThePropertyTheDatabasesOwnSettingStays() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            DataSource dataSource = context.getBean(DataSource.class);
            String outside = lockTimeoutSeen(jdbc);

            String inside = transactions(context).execute(status -> {
                session.query(Host.class).all();
                return lockTimeoutSeen(jdbc);
            });

            assertThat(inside).as("on %s (%s)", db, dataSource).isEqualTo(outside);
        });
    }
}
