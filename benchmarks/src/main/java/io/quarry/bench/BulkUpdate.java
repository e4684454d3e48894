package io.quarry.bench;

import io.quarry.bench.jdbc.JdbcContender;
import io.quarry.bench.jooq.JooqContender;
import io.quarry.bench.jpa.JpaContender;
import io.quarry.bench.jpabatch.JpaBatchContender;
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
 * A bulk update of the 1,000 hosts of a datacenter in one statement.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BulkUpdate {

    @Benchmark
    public int jdbc(JdbcContender contender, Inputs inputs) {
        return contender.bulkUpdate(inputs.datacenter());
    }

    @Benchmark
    public int quarry(QuarryContender contender, Inputs inputs) {
        return contender.bulkUpdate(inputs.datacenter());
    }

    @Benchmark
    public int quarryRepository(QuarryRepositoryContender contender, Inputs inputs) {
        return contender.bulkUpdate(inputs.datacenter());
    }

    @Benchmark
    public int springDataJpa(JpaContender contender, Inputs inputs) {
        return contender.bulkUpdate(inputs.datacenter());
    }

    @Benchmark
    public int springDataJpaBatch(JpaBatchContender contender, Inputs inputs) {
        return contender.bulkUpdate(inputs.datacenter());
    }

    @Benchmark
    public int springDataJdbc(DataJdbcContender contender, Inputs inputs) {
        return contender.bulkUpdate(inputs.datacenter());
    }

    @Benchmark
    public int jooq(JooqContender contender, Inputs inputs) {
        return contender.bulkUpdate(inputs.datacenter());
    }
}
