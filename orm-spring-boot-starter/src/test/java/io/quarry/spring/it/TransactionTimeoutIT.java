package io.quarry.spring.it;

import static io.quarry.spring.it.SharedSessionIT.count;
import static io.quarry.spring.it.SharedSessionIT.transactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring's transaction timeout reaches Quarry's statements, as it reaches JdbcTemplate's. */
@CrossDatabaseTest
@Tag("reliability")
class TransactionTimeoutIT {

    private final TestDatabase db;

    TransactionTimeoutIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_host", "spring_account");
    }

    /** A statement that runs for several seconds unless cancelled. */
    private String slowSql() {
        return switch (db.name()) {
            case "postgresql" -> "select pg_sleep(5)";
            case "mysql" -> "select sleep(5)";
            default -> "select count(*) from system_range(1, 2000000000) a where mod(a.x, 7) = 3";
        };
    }

    @Test
    void aStatementInATransactionWithATimeoutIsCancelledWhenTheTransactionsTimeRunsOut() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);
            TransactionTemplate withTimeout = transactions(context);
            withTimeout.setTimeout(2);

            assertThatThrownBy(() -> withTimeout.executeWithoutResult(status -> session.sqlRows(slowSql(), Map.of())))
                    .as("on %s", db)
                    .isInstanceOf(QueryTimeoutException.class)
                    .hasMessageContaining("the transaction's remaining time of");
        });
    }

    @Test
    void aTransactionThatRunsOutOfTimeCommitsNothingOfWhatItFlushed() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);
            TransactionTemplate withTimeout = transactions(context);
            withTimeout.setTimeout(2);

            assertThatThrownBy(() -> withTimeout.executeWithoutResult(status -> {
                session.add(new Host("flushed-in-time", 22));
                session.flush();
                session.sqlRows(slowSql(), Map.of());
            })).as("on %s", db).isInstanceOf(QueryTimeoutException.class);

            assertThat(count(context, "spring_host")).as("hosts committed on %s", db).isZero();
            assertThat(session.sqlRows("select 1 as one", Map.of())).hasSize(1);
        });
    }

    @Test
    void theQueryTimeoutPropertyLimitsStatementsOutsideTransactions() {
        QuarryContext.on(db).withPropertyValues("quarry.query-timeout=1s").run(context -> {
            Session session = context.getBean(Session.class);

            assertThatThrownBy(() -> session.sqlRows(slowSql(), Map.of()))
                    .as("on %s", db)
                    .isInstanceOf(QueryTimeoutException.class)
                    .hasMessageContaining("the engine's query timeout of 1 s");
            assertThat(session.sqlRows("select 1 as one", Map.of())).hasSize(1);
        });
    }
}
