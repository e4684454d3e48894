package io.quarry.bench;

import io.quarry.bench.jdbc.JdbcContender;
import io.quarry.bench.jooq.JooqContender;
import io.quarry.bench.jpa.JpaContender;
import io.quarry.bench.quarry.QuarryContender;
import io.quarry.bench.quarry.QuarryRepositoryContender;
import io.quarry.bench.springjdbc.DataJdbcContender;
import io.quarry.bench.support.HostNic;
import io.quarry.bench.support.Inputs;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A join into a projection: the primary interface of each host of a rack (10 rows) or of a datacenter
 * (1,000 rows), by host id.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class Join {

    /** Rows per call: 10 (one rack) or 1,000 (one datacenter). */
    @Param({"10", "1000"})
    public int rows;

    @Benchmark
    public List<HostNic> jdbc(JdbcContender contender, Inputs inputs) {
        return rows == 10 ? contender.primaryNicsInRack(inputs.datacenter(), inputs.rack())
                : contender.primaryNicsInDatacenter(inputs.datacenter());
    }

    @Benchmark
    public List<HostNic> quarry(QuarryContender contender, Inputs inputs) {
        return rows == 10 ? contender.primaryNicsInRack(inputs.datacenter(), inputs.rack())
                : contender.primaryNicsInDatacenter(inputs.datacenter());
    }

    @Benchmark
    public List<HostNic> quarryRepository(QuarryRepositoryContender contender, Inputs inputs) {
        return rows == 10 ? contender.primaryNicsInRack(inputs.datacenter(), inputs.rack())
                : contender.primaryNicsInDatacenter(inputs.datacenter());
    }

    @Benchmark
    public List<HostNic> springDataJpa(JpaContender contender, Inputs inputs) {
        return rows == 10 ? contender.primaryNicsInRack(inputs.datacenter(), inputs.rack())
                : contender.primaryNicsInDatacenter(inputs.datacenter());
    }

    @Benchmark
    public List<HostNic> springDataJdbc(DataJdbcContender contender, Inputs inputs) {
        return rows == 10 ? contender.primaryNicsInRack(inputs.datacenter(), inputs.rack())
                : contender.primaryNicsInDatacenter(inputs.datacenter());
    }

    @Benchmark
    public List<HostNic> jooq(JooqContender contender, Inputs inputs) {
        return rows == 10 ? contender.primaryNicsInRack(inputs.datacenter(), inputs.rack())
                : contender.primaryNicsInDatacenter(inputs.datacenter());
    }
}
