package io.quarry.spring.retry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The log lines of retried transactions, on logger {@code io.quarry.Retry}. Thread-safe. */
final class RetryLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.quarry.Retry");

    private RetryLog() {
    }

    static void failed(String what, int attempt, Throwable failure) {
        LOG.info("{}: attempt {} failed with a transient error, rolled back; it runs again after a back-off: {}",
                what, attempt, summary(failure));
    }

    static void exhausted(String what, int attempts, Throwable failure) {
        LOG.warn("{}: gave up after {} attempts (quarry.retry.max-retries, or the @Retryable's maxRetries); "
                + "the last error is rethrown: {}", what, attempts, summary(failure));
    }

    static void leftToOuterTransaction(String what, Throwable failure) {
        LOG.debug("{}: transient error not retried here, it ran inside a transaction begun earlier, whose "
                + "caller decides: {}", what, summary(failure));
    }

    /** The class and message of the failure, without its stack: each retry is one line. */
    static String summary(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
