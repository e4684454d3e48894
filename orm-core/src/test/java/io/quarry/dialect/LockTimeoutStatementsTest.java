package io.quarry.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What each dialect binds for a lock timeout and how it describes it: units, rounding up, limits. */
class LockTimeoutStatementsTest {

    private final LockTimeoutStatements h2 = new H2Dialect().lockTimeout();
    private final LockTimeoutStatements mySql = new MySqlDialect(false).lockTimeout();
    private final LockTimeoutStatements postgres = new PostgresDialect().lockTimeout();

    @Test
    void postgresTakesMillisecondsAsTextForTheTransactionOnly() {
        assertThat(postgres.endsWithTransaction()).isTrue();
        assertThat(postgres.read()).isNull();
        assertThat(postgres.parameterCount()).isEqualTo(1);
        assertThat(postgres.value(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(postgres.describe(Duration.ofMillis(500))).isEqualTo("500 ms");
    }

    @Test
    void h2TakesMillisecondsOnTheConnectionAndReadsThemFirst() {
        assertThat(h2.endsWithTransaction()).isFalse();
        assertThat(h2.parameterCount()).isEqualTo(1);
        assertThat(h2.value(Duration.ofSeconds(2))).isEqualTo(2000);
        assertThat(h2.describe(Duration.ofSeconds(2))).isEqualTo("2000 ms");
    }

    @Test
    void mySqlTakesWholeSecondsRoundedUpForRowAndTableLocks() {
        assertThat(mySql.endsWithTransaction()).isFalse();
        assertThat(mySql.parameterCount()).isEqualTo(2);
        assertThat(mySql.value(Duration.ofMillis(500))).isEqualTo(1);
        assertThat(mySql.value(Duration.ofMillis(2001))).isEqualTo(3);
        assertThat(mySql.value(Duration.ofSeconds(2))).isEqualTo(2);
        assertThat(mySql.describe(Duration.ofMillis(500))).isEqualTo("1 s (500 ms rounded up to whole seconds)");
        assertThat(mySql.describe(Duration.ofSeconds(2))).isEqualTo("2 s");
    }

    @Test
    void partsOfAMillisecondRoundUpAndNothingIsBelowOneUnit() {
        assertThat(h2.value(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(postgres.value(Duration.ofNanos(1_000_001))).isEqualTo("2ms");
        assertThat(mySql.value(Duration.ofNanos(1))).isEqualTo(1);
    }

    @Test
    void limitsPastWhatTheDatabaseTakesAreCappedAndSaySo() {
        Duration year = Duration.ofDays(400);

        assertThat(h2.value(year)).isEqualTo(Integer.MAX_VALUE);
        assertThat(postgres.value(year)).isEqualTo(Integer.MAX_VALUE + "ms");
        assertThat(mySql.value(year)).isEqualTo(31_536_000);
        assertThat(mySql.describe(year)).isEqualTo("31536000 s (the longest this database takes)");
        assertThat(h2.value(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aLockTimeoutMustBePositive() {
        assertThatThrownBy(() -> h2.value(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A lock timeout must be positive, got PT0S");
        assertThatThrownBy(() -> mySql.value(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
