package io.quarry.spring.retry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code quarry.retry.*} properties of {@link RetryingTransactions}. Bound once at start-up;
 * not thread-safe while binding.
 */
@ConfigurationProperties("quarry.retry")
public class QuarryRetryProperties {

    static final long MAX_RETRIES = 3;
    static final Duration DELAY = Duration.ofMillis(20);
    static final Duration JITTER = Duration.ofMillis(10);
    static final double MULTIPLIER = 2;
    static final Duration MAX_DELAY = Duration.ofSeconds(1);

    /** How often a transaction that failed with a transient error runs again (0: never). */
    private long maxRetries = MAX_RETRIES;

    /** The pause before the first retry. */
    private Duration delay = DELAY;

    /** Up to this much is added to or taken from each pause, so that transactions that collided part. */
    private Duration jitter = JITTER;

    /** By how much each pause grows over the one before. */
    private double multiplier = MULTIPLIER;

    /** The longest pause. */
    private Duration maxDelay = MAX_DELAY;

    public long getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(long maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getDelay() {
        return delay;
    }

    public void setDelay(Duration delay) {
        this.delay = delay;
    }

    public Duration getJitter() {
        return jitter;
    }

    public void setJitter(Duration jitter) {
        this.jitter = jitter;
    }

    public double getMultiplier() {
        return multiplier;
    }

    public void setMultiplier(double multiplier) {
        this.multiplier = multiplier;
    }

    public Duration getMaxDelay() {
        return maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
        this.maxDelay = maxDelay;
    }
}
