package io.quarry.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs tasks on threads of their own, released together, and waits a bounded time for all of them, so
 * that a test of concurrent behaviour can neither hang the build nor hide a failure in a worker.
 * Not thread-safe: one call at a time, from the test thread.
 */
final class Concurrently {

    private Concurrently() {
    }

    /**
     * Starts {@code threads} tasks ({@code task.apply(i)} for i = 0..threads-1) at the same moment and
     * returns their results in order; fails with the first worker's exception, or when they have not all
     * finished after {@code limitSeconds} (then the workers are interrupted).
     */
    static <T> List<T> run(int threads, long limitSeconds, IntFunction<Callable<T>> task) throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Callable<T> work = task.apply(i);
                futures.add(executor.submit(() -> {
                    if (!start.await(limitSeconds, TimeUnit.SECONDS)) {
                        throw new TimeoutException("never released");
                    }
                    return work.call();
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    throw new AssertionError("a worker failed: " + e.getCause(), e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError(threads + " workers had not finished after " + limitSeconds + " s");
                }
            }
            return results;
        } finally {
            executor.shutdownNow();
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new AssertionError("workers still running 10 s after being interrupted");
            }
        }
    }
}
