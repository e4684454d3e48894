package io.quarry.bench.concurrent;

/**
 * The latencies of one thread's operations in logarithmic buckets 1 % wide, so that a thread records
 * an operation without allocating or sharing anything, and the threads' histograms merge afterwards.
 * Not thread-safe: one per thread, merged once the threads have stopped.
 */
final class Latencies {

    private static final double BUCKET_WIDTH = Math.log(1.01);
    private static final int BUCKETS = 2700; // up to 1.01^2700 ns, far beyond any operation

    private final long[] counts = new long[BUCKETS];
    private long total;

    void record(long nanos) {
        int bucket = nanos <= 1 ? 0 : Math.min(BUCKETS - 1, (int) (Math.log(nanos) / BUCKET_WIDTH));
        counts[bucket]++;
        total++;
    }

    void add(Latencies other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    long count() {
        return total;
    }

    /** The latency at {@code fraction} (0.5 for the median) in nanoseconds, the middle of its bucket. */
    double percentile(double fraction) {
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) {
                return Math.exp((i + 0.5) * BUCKET_WIDTH);
            }
        }
        return Double.NaN;
    }
}
