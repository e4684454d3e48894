package io.quarry.bench.support;

import org.openjdk.jmh.infra.BenchmarkParams;

/** The part of every contender's setup that is the same: fixture, sanity check, heap probe. Stateless. */
public final class Contenders {

    private Contenders() {
    }

    /** The fork's workload and fixture (with {@code host_stream} when the workload streams). */
    public static Fixture start(BenchmarkParams params) {
        return Fixture.start(Workload.of(params) == Workload.STREAM_ALL);
    }

    /**
     * Fails the fork if {@code contender} does not do the workload's full work; for the streaming
     * workload also measures the heap the stream retains ({@link StreamHeap}).
     */
    public static void verify(BenchmarkParams params, Object contender) {
        Workload workload = Workload.of(params);
        verify(workload, contender);
    }

    public static void verify(Workload workload, Object contender) {
        Fixture fixture = Fixture.current();
        Sanity.check(workload, contender, fixture);
        if (workload == Workload.STREAM_ALL) {
            Reads<?> reads = (Reads<?>) contender;
            StreamHeap.record(HeapProbe.retainedBytes(Dataset.streamRows(), reads::streamAll));
        }
    }
}
