package io.quarry.bench.support;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Carries the streaming workload's heap measurement ({@link HeapProbe}, taken in the contender's
 * setup) into JMH's results as the secondary metric {@code retainedHeapMb}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class StreamHeap {

    private static volatile long retainedBytes = -1;

    static void record(long bytes) {
        retainedBytes = bytes;
    }

    /** Peak heap the stream kept alive, in MiB, or -1 when not measured. */
    public double retainedHeapMb() {
        return retainedBytes < 0 ? -1 : retainedBytes / (1024.0 * 1024.0);
    }
}
