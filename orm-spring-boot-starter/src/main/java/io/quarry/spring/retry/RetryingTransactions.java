package io.quarry.spring.retry;

import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;

/**
 * A {@link TransactionTemplate} that runs the whole transaction again when it fails with a
 * transient error ({@link TransientFailures}: serialization failure, deadlock, lock not
 * available): Spring's {@link RetryTemplate} around a {@link TransactionTemplate}, so each attempt
 * is a transaction of its own, rolled back before the next one begins after a jittered back-off.
 * A call inside a transaction that is already active is never retried (its failure leaves as it
 * came, for the outer caller to retry); errors that are not transient are never retried either.
 * After the last attempt the last error is rethrown as it was.
 *
 * <pre>{@code
 * Transfer done = retrying.execute(status -> transfers.move(from, to, amount));
 * retrying.with(serializable).executeWithoutResult(status -> ledger.close(day));
 * }</pre>
 *
 * <p>Counts retries and exhausted calls ({@link #retries()}, {@link #exhausted()}), shared with its
 * {@link #with} copies; {@link #executeAndCount} tells one call's attempts. Thread-safe.
 */
public final class RetryingTransactions {

    private final PlatformTransactionManager transactionManager;
    private final RetryPolicy policy;
    private final TransactionDefinition definition;
    private final RetryCounts counts;

    /**
     * Transactions of {@code transactionManager} with the default definition, retried as
     * {@code policy} allows (see {@link #defaultPolicy()}), but never while a transaction is active
     * on the thread, whatever the policy's predicate.
     */
    public RetryingTransactions(PlatformTransactionManager transactionManager, RetryPolicy policy) {
        this(transactionManager, new OutermostOnly(policy), TransactionDefinition.withDefaults(), new RetryCounts());
    }

    private RetryingTransactions(PlatformTransactionManager transactionManager, RetryPolicy policy,
            TransactionDefinition definition, RetryCounts counts) {
        this.transactionManager = transactionManager;
        this.policy = policy;
        this.definition = definition;
        this.counts = counts;
    }

    /**
     * A retry policy with Quarry's defaults for transactions: 3 retries, 20 ms delay, 10 ms jitter,
     * doubled each time up to 1 s, only for {@link TransientFailures}.
     */
    public static RetryPolicy.Builder defaultPolicy() {
        return RetryPolicy.builder().predicate(new TransientFailures()).maxRetries(QuarryRetryProperties.MAX_RETRIES)
                .delay(QuarryRetryProperties.DELAY).jitter(QuarryRetryProperties.JITTER)
                .multiplier(QuarryRetryProperties.MULTIPLIER).maxDelay(QuarryRetryProperties.MAX_DELAY);
    }

    /** The same retries for transactions of {@code definition} (isolation, propagation, timeout...). */
    public RetryingTransactions with(TransactionDefinition definition) {
        return new RetryingTransactions(transactionManager, policy, definition, counts);
    }

    /** Runs {@code action} in a transaction, again on transient failures; its result. */
    public <T> T execute(TransactionCallback<T> action) {
        return executeAndCount(action).value();
    }

    /** Runs {@code action} in a transaction, again on transient failures. */
    public void executeWithoutResult(Consumer<TransactionStatus> action) {
        run(action, status -> {
            action.accept(status);
            return null;
        });
    }

    /** Runs {@code action} as {@link #execute} does; its result and the number of attempts it took. */
    public <T> Attempts<T> executeAndCount(TransactionCallback<T> action) {
        return run(action, action);
    }

    /** Runs {@code callback}, named in log lines after {@code action}: the user's code, not a wrapper of ours. */
    private <T> Attempts<T> run(Object action, TransactionCallback<T> callback) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager, definition);
        AtomicInteger attempts = new AtomicInteger();
        Retryable<T> attempt = new Retryable<>() {
            @Override
            public T execute() {
                attempts.incrementAndGet();
                return transactions.execute(callback);
            }

            @Override
            public String getName() {
                return name(action);
            }
        };
        RetryTemplate template = new RetryTemplate(policy);
        template.setRetryListener(new Listener(attempts));
        try {
            return new Attempts<>(template.execute(attempt), attempts.get());
        } catch (RetryException failed) {
            throw rethrown(failed.getLastException());
        }
    }

    /** Transactions run again so far, over all calls of this instance and its {@link #with} copies. */
    public long retries() {
        return counts.retries();
    }

    /** Calls that failed transiently on every attempt allowed, over this instance and its copies. */
    public long exhausted() {
        return counts.exhaustedCount();
    }

    /** The callback's class, without the suffix of a lambda's: where the transaction's code is. */
    private static String name(Object action) {
        String name = action.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return "transaction " + (lambda < 0 ? name : name.substring(0, lambda));
    }

    private static RuntimeException rethrown(Throwable last) {
        if (last instanceof RuntimeException runtime) {
            return runtime;
        }
        if (last instanceof Error error) {
            throw error;
        }
        return new UndeclaredThrowableException(last);
    }

    /** One call's result and how many attempts (1 when it did not have to be retried) it took. */
    public record Attempts<T>(T value, int attempts) {
    }

    /** A policy that also refuses while a transaction is active: the outer caller's retry decides. */
    private record OutermostOnly(RetryPolicy policy) implements RetryPolicy {

        @Override
        public boolean shouldRetry(Throwable failure) {
            return !TransactionSynchronizationManager.isActualTransactionActive() && policy.shouldRetry(failure);
        }

        @Override
        public Duration getTimeout() {
            return policy.getTimeout();
        }

        @Override
        public BackOff getBackOff() {
            return policy.getBackOff();
        }
    }

    /** Counts and logs; one per call. */
    private final class Listener implements RetryListener {

        private final AtomicInteger attempts;

        Listener(AtomicInteger attempts) {
            this.attempts = attempts;
        }

        @Override
        public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState state) {
            counts.retried();
            RetryLog.failed(retryable.getName(), attempts.get(), state.getLastException());
        }

        @Override
        public void onRetryPolicyExhaustion(RetryPolicy retryPolicy, Retryable<?> retryable, RetryException exception) {
            Throwable last = exception.getLastException();
            if (retryPolicy.shouldRetry(last)) {
                counts.exhausted();
                RetryLog.exhausted(retryable.getName(), attempts.get(), last);
            } else if (TransientFailures.isTransient(last)) {
                RetryLog.leftToOuterTransaction(retryable.getName(), last);
            }
        }
    }
}
