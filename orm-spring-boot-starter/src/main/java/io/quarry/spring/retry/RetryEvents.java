package io.quarry.spring.retry;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.ApplicationListener;
import org.springframework.resilience.retry.MethodRetryEvent;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Counts and logs the transient failures of {@code @Retryable} methods, from the
 * {@link MethodRetryEvent}s Spring's retry interceptor publishes: each failed attempt at INFO with
 * its number (logger {@code io.quarry.Retry}), each call that ran out of attempts at WARN. Failures
 * that are not transient ({@link TransientFailures#isTransient}) are none of its business. A
 * transient failure that was not retried because a transaction begun earlier was still active is
 * not counted as exhausted: the outer caller retries it. Thread-safe.
 */
public final class RetryEvents implements ApplicationListener<MethodRetryEvent> {

    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> exhausted = new ConcurrentHashMap<>();

    /**
     * Attempts so far per call: Spring publishes every event of one call with the same invocation, and
     * a call that succeeds publishes nothing more, so its entry goes with the invocation.
     */
    private final Map<MethodInvocation, Integer> attempts = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void onApplicationEvent(MethodRetryEvent event) {
        Throwable failure = event.getFailure();
        if (!TransientFailures.isTransient(failure)) {
            return;
        }
        MethodInvocation invocation = event.getSource();
        String method = ClassUtils.getQualifiedMethodName(event.getMethod());
        if (!event.isRetryAborted()) {
            int attempt = attempts.merge(invocation, 1, Integer::sum);
            failures.computeIfAbsent(method, name -> new LongAdder()).increment();
            RetryLog.failed(method, attempt, failure);
            return;
        }
        Integer made = attempts.remove(invocation);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            RetryLog.leftToOuterTransaction(method, failure);
        } else {
            exhausted.computeIfAbsent(method, name -> new LongAdder()).increment();
            RetryLog.exhausted(method, made == null ? 1 : made, failure);
        }
    }

    /** Failed attempts with a transient error per method ({@code Class.method}), sorted by name. */
    public Map<String, Long> failures() {
        return snapshot(failures);
    }

    /** Calls per method that failed transiently on every attempt allowed, sorted by name. */
    public Map<String, Long> exhausted() {
        return snapshot(exhausted);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((method, count) -> copy.put(method, count.sum()));
        return Collections.unmodifiableMap(copy);
    }
}
