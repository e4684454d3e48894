package io.quarry.bench;

import io.quarry.bench.jdbc.JdbcContender;
import io.quarry.bench.jooq.JooqContender;
import io.quarry.bench.jpa.JpaContender;
import io.quarry.bench.quarry.QuarryContender;
import io.quarry.bench.quarry.QuarryRepositoryContender;
import io.quarry.bench.springjdbc.DataJdbcContender;
import io.quarry.bench.support.StreamHeap;
import io.quarry.bench.support.StreamProbe;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Streaming every row of {@code host_stream} (1,000,000 rows) into objects in constant memory. The heap
 * the stream retains is measured once per fork, untimed, in the contender's setup ({@link StreamHeap}: secondary
 * metric {@code retainedHeapMb}). Not part of the quick run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamAll {

    @Benchmark
    public long jdbc(JdbcContender contender, StreamHeap heap) {
        return contender.streamAll(StreamProbe.NONE);
    }

    @Benchmark
    public long quarry(QuarryContender contender, StreamHeap heap) {
        return contender.streamAll(StreamProbe.NONE);
    }

    @Benchmark
    public long quarryRepository(QuarryRepositoryContender contender, StreamHeap heap) {
        return contender.streamAll(StreamProbe.NONE);
    }

    @Benchmark
    public long springDataJpa(JpaContender contender, StreamHeap heap) {
        return contender.streamAll(StreamProbe.NONE);
    }

    @Benchmark
    public long springDataJdbc(DataJdbcContender contender, StreamHeap heap) {
        return contender.streamAll(StreamProbe.NONE);
    }

    @Benchmark
    public long jooq(JooqContender contender, StreamHeap heap) {
        return contender.streamAll(StreamProbe.NONE);
    }
}
