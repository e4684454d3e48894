package io.quarry.bench.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.function.ToLongFunction;

/**
 * Measures what a stream keeps alive: heap in use after a full collection, taken before the stream
 * opens and at four checkpoints while it is being read (a quarter, half, three quarters, last row);
 * the answer is the largest growth. The collections make it slow, so it runs once per fork, untimed,
 * before the measured iterations. Not thread-safe.
 */
public final class HeapProbe implements StreamProbe {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final long every;
    private final long last;
    private final long baseline;
    private long peak;

    private HeapProbe(long rows) {
        this.every = Math.max(1, rows / 4);
        this.last = rows;
        this.baseline = usedAfterCollection();
        this.peak = baseline;
    }

    /** Runs {@code stream} over {@code rows} rows with checkpoints; returns the peak retained bytes. */
    public static long retainedBytes(long rows, ToLongFunction<StreamProbe> stream) {
        HeapProbe probe = new HeapProbe(rows);
        stream.applyAsLong(probe);
        return Math.max(0, probe.peak - probe.baseline);
    }

    @Override
    public void row(long row) {
        if (row % every == 0 || row == last) {
            peak = Math.max(peak, usedAfterCollection());
        }
    }

    private static long usedAfterCollection() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
