package io.quarry.bench;

import io.quarry.bench.jdbc.JdbcContender;
import io.quarry.bench.jooq.JooqContender;
import io.quarry.bench.jpa.JpaContender;
import io.quarry.bench.quarry.QuarryContender;
import io.quarry.bench.quarry.QuarryRepositoryContender;
import io.quarry.bench.springjdbc.DataJdbcContender;
import io.quarry.bench.support.Inputs;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * A count with a filter: the active hosts of a datacenter (750 of its 1,000).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CountFiltered {

    @Benchmark
    public long jdbc(JdbcContender contender, Inputs inputs) {
        return contender.countActive(inputs.datacenter());
    }

    @Benchmark
    public long quarry(QuarryContender contender, Inputs inputs) {
        return contender.countActive(inputs.datacenter());
    }

    @Benchmark
    public long quarryRepository(QuarryRepositoryContender contender, Inputs inputs) {
        return contender.countActive(inputs.datacenter());
    }

    @Benchmark
    public long springDataJpa(JpaContender contender, Inputs inputs) {
        return contender.countActive(inputs.datacenter());
    }

    @Benchmark
    public long springDataJdbc(DataJdbcContender contender, Inputs inputs) {
        return contender.countActive(inputs.datacenter());
    }

    @Benchmark
    public long jooq(JooqContender contender, Inputs inputs) {
        return contender.countActive(inputs.datacenter());
    }
}
