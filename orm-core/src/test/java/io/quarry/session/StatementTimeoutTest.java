package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A statement's time limit: rounding, which setting wins, the provider's shortening, and what a timeout names. */
class StatementTimeoutTest {

    private Connection connection;
    private Statement statement;

    @BeforeEach
    void openStatement() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:statement-timeout", "sa", "");
        statement = connection.createStatement();
    }

    @AfterEach
    void close() throws SQLException {
        statement.close();
        connection.close();
    }

    /** A provider whose transaction has {@code left} seconds: it shortens, never lengthens, as Spring does. */
    private static ConnectionProvider transactionWith(int left) {
        return new ConnectionProvider() {
            @Override
            public Connection getConnection() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void releaseConnection(Connection connection) {
            }

            @Override
            public void applyTimeout(Statement statement) throws SQLException {
                int own = statement.getQueryTimeout();
                statement.setQueryTimeout(own == 0 ? left : Math.min(own, left));
            }
        };
    }

    @Test
    void durationsRoundUpToWholeSecondsAndNothingMeansNoLimit() {
        assertThat(StatementTimeout.seconds(null)).isZero();
        assertThat(StatementTimeout.seconds(Duration.ZERO)).isZero();
        assertThat(StatementTimeout.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(StatementTimeout.seconds(Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(StatementTimeout.seconds(Duration.ofMillis(2001))).isEqualTo(3);
        assertThat(StatementTimeout.seconds(Duration.ofDays(100_000))).isEqualTo(Integer.MAX_VALUE);
        assertThatThrownBy(() -> StatementTimeout.seconds(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A timeout must not be negative, got PT-0.001S");
    }

    @Test
    void aMoreSpecificSettingReplacesTheLimitOnlyWhenItSetsOne() {
        StatementTimeout engine = new StatementTimeout(30, "the engine's query timeout", null);

        assertThat(engine.overriddenBy(null, "the query's timeout")).isSameAs(engine);
        assertThat(engine.overriddenBy(Duration.ZERO, "the query's timeout")).isSameAs(engine);
        assertThat(engine.overriddenBy(Duration.ofSeconds(2), "the query's timeout"))
                .isEqualTo(new StatementTimeout(2, "the query's timeout", null));
    }

    @Test
    void withoutAnyLimitTheStatementIsLeftAloneAndNothingIsNamed() throws SQLException {
        assertThat(StatementTimeout.NONE.apply(statement)).isNull();
        assertThat(statement.getQueryTimeout()).isZero();
    }

    @Test
    void aLimitIsSetOnTheStatementAndNamedBySource() throws SQLException {
        String named = new StatementTimeout(5, "the query's timeout", null).apply(statement);

        assertThat(statement.getQueryTimeout()).isEqualTo(5);
        assertThat(named).isEqualTo("the query's timeout of 5 s");
    }

    @Test
    void aTransactionWithLessTimeLeftShortensTheLimitAndIsNamedInstead() throws SQLException {
        String named = new StatementTimeout(5, "the query's timeout", transactionWith(2)).apply(statement);

        assertThat(statement.getQueryTimeout()).isEqualTo(2);
        assertThat(named).isEqualTo("the transaction's remaining time of 2 s");
    }

    @Test
    void aTransactionWithMoreTimeLeftKeepsTheOwnLimit() throws SQLException {
        String named = new StatementTimeout(5, "the session's query timeout", transactionWith(5)).apply(statement);

        assertThat(statement.getQueryTimeout()).isEqualTo(5);
        assertThat(named).isEqualTo("the session's query timeout of 5 s");
    }

    @Test
    void aTransactionDeadlineAloneLimitsAStatementWithoutOwnLimit() throws SQLException {
        String named = new StatementTimeout(0, null, transactionWith(3)).apply(statement);

        assertThat(statement.getQueryTimeout()).isEqualTo(3);
        assertThat(named).isEqualTo("the transaction's remaining time of 3 s");
    }
}
