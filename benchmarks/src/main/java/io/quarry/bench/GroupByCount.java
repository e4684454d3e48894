package io.quarry.bench;

import io.quarry.bench.jdbc.JdbcContender;
import io.quarry.bench.jooq.JooqContender;
import io.quarry.bench.jpa.JpaContender;
import io.quarry.bench.quarry.QuarryContender;
import io.quarry.bench.quarry.QuarryRepositoryContender;
import io.quarry.bench.springjdbc.DataJdbcContender;
import io.quarry.bench.support.Inputs;
import io.quarry.bench.support.RackCount;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * A group by with count: hosts per rack of a datacenter (100 groups of 10).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GroupByCount {

    @Benchmark
    public List<RackCount> jdbc(JdbcContender contender, Inputs inputs) {
        return contender.countByRack(inputs.datacenter());
    }

    @Benchmark
    public List<RackCount> quarry(QuarryContender contender, Inputs inputs) {
        return contender.countByRack(inputs.datacenter());
    }

    @Benchmark
    public List<RackCount> quarryRepository(QuarryRepositoryContender contender, Inputs inputs) {
        return contender.countByRack(inputs.datacenter());
    }

    @Benchmark
    public List<RackCount> springDataJpa(JpaContender contender, Inputs inputs) {
        return contender.countByRack(inputs.datacenter());
    }

    @Benchmark
    public List<RackCount> springDataJdbc(DataJdbcContender contender, Inputs inputs) {
        return contender.countByRack(inputs.datacenter());
    }

    @Benchmark
    public List<RackCount> jooq(JooqContender contender, Inputs inputs) {
        return contender.countByRack(inputs.datacenter());
    }
}
