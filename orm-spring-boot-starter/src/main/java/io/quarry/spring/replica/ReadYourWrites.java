package io.quarry.spring.replica;

import java.time.Duration;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * The read-your-writes window: after a thread commits a read-write transaction, its read-only work goes to
 * the primary for a while, so that it does not miss its own writes on a replica that has not replayed them
 * yet. Listens to the transaction managers for the commits (every outermost read-write transaction counts,
 * whether it wrote or not, and so does one whose commit failed with an unknown outcome).
 *
 * <p>Per thread, which is per request in a servlet application (one thread serves a request), and so it
 * does not follow work handed to another thread ({@code @Async}, executors, reactive code), nor a user's
 * next request served by another instance of the application or read by another thread. Thread-safe.
 */
final class ReadYourWrites implements TransactionExecutionListener {

    private final long windowNanos;
    /** Until when (System.nanoTime) the thread reads from the primary; absent when it does not. */
    private final ThreadLocal<Long> primaryUntil = new ThreadLocal<>();

    ReadYourWrites(Duration window) {
        this.windowNanos = window.toNanos();
    }

    Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    /** Opens the window on this thread (from now on). */
    void wrote() {
        if (windowNanos > 0) {
            primaryUntil.set(System.nanoTime() + windowNanos);
        }
    }

    /** Whether this thread committed a read-write transaction less than the window ago. */
    boolean isOpen() {
        Long until = primaryUntil.get();
        if (until == null) {
            return false;
        }
        if (until - System.nanoTime() > 0) {
            return true;
        }
        primaryUntil.remove(); // pooled threads keep nothing once the window has passed
        return false;
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        if (transaction.isNewTransaction() && !transaction.isReadOnly()) {
            wrote();
        }
    }

    @Override
    public String toString() {
        return "ReadYourWrites[" + window() + " per thread]";
    }
}
