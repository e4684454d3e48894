package io.quarry.spring.retry;

import java.util.concurrent.atomic.LongAdder;

/** What a {@link RetryingTransactions} and its {@code with(...)} copies counted. Thread-safe. */
final class RetryCounts {

    private final LongAdder retries = new LongAdder();
    private final LongAdder exhausted = new LongAdder();

    void retried() {
        retries.increment();
    }

    void exhausted() {
        exhausted.increment();
    }

    long retries() {
        return retries.sum();
    }

    long exhaustedCount() {
        return exhausted.sum();
    }
}
