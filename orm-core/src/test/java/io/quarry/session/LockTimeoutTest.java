package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which lock timeout a session's transactions get, and how it reads in messages and logs. */
class LockTimeoutTest {

    @Test
    void anEngineDefaultOfZeroOrNoneMeansNoLockTimeout() {
        LockTimeout zero = LockTimeout.of(SessionOptions.DEFAULTS, Duration.ZERO);
        LockTimeout none = LockTimeout.of(SessionOptions.DEFAULTS, null);

        assertThat(zero.isSet()).isFalse();
        assertThat(zero).hasToString("no lock timeout");
        assertThat(none.isSet()).isFalse();
        assertThat(none).hasToString("no lock timeout");
    }

    @Test
    void theSessionsOwnLockTimeoutWinsOverTheEnginesAndNamesItsSource() {
        SessionOptions own = SessionOptions.DEFAULTS.withLockTimeout(Duration.ofMillis(300));

        assertThat(LockTimeout.of(own, Duration.ofSeconds(2))).hasToString("the session's lock timeout of PT0.3S");
        assertThat(LockTimeout.of(SessionOptions.DEFAULTS, Duration.ofSeconds(2)))
                .hasToString("the engine's lock timeout of PT2S");
        assertThat(LockTimeout.of(SessionOptions.DEFAULTS.withLockTimeout(Duration.ZERO), Duration.ofSeconds(2)))
                .hasToString("no lock timeout");
    }
}
