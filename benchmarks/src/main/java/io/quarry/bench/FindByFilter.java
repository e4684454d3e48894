package io.quarry.bench;

import io.quarry.bench.jdbc.JdbcContender;
import io.quarry.bench.jdbc.JdbcHost;
import io.quarry.bench.jooq.JooqContender;
import io.quarry.bench.jooq.JooqHost;
import io.quarry.bench.jpa.JpaContender;
import io.quarry.bench.jpa.JpaHost;
import io.quarry.bench.quarry.QuarryContender;
import io.quarry.bench.quarry.QuarryHost;
import io.quarry.bench.quarry.QuarryRepositoryContender;
import io.quarry.bench.springjdbc.DataJdbcContender;
import io.quarry.bench.springjdbc.DataJdbcHost;
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
 * A derived query: the hosts of a rack (10 rows) or of a datacenter (1,000 rows), by id.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class FindByFilter {

    /** Rows per call: 10 (one rack) or 1,000 (one datacenter). */
    @Param({"10", "1000"})
    public int rows;

    @Benchmark
    public List<JdbcHost> jdbc(JdbcContender contender, Inputs inputs) {
        return rows == 10 ? contender.findByRack(inputs.datacenter(), inputs.rack())
                : contender.findByDatacenter(inputs.datacenter());
    }

    @Benchmark
    public List<QuarryHost> quarry(QuarryContender contender, Inputs inputs) {
        return rows == 10 ? contender.findByRack(inputs.datacenter(), inputs.rack())
                : contender.findByDatacenter(inputs.datacenter());
    }

    @Benchmark
    public List<QuarryHost> quarryRepository(QuarryRepositoryContender contender, Inputs inputs) {
        return rows == 10 ? contender.findByRack(inputs.datacenter(), inputs.rack())
                : contender.findByDatacenter(inputs.datacenter());
    }

    @Benchmark
    public List<JpaHost> springDataJpa(JpaContender contender, Inputs inputs) {
        return rows == 10 ? contender.findByRack(inputs.datacenter(), inputs.rack())
                : contender.findByDatacenter(inputs.datacenter());
    }

    @Benchmark
    public List<DataJdbcHost> springDataJdbc(DataJdbcContender contender, Inputs inputs) {
        return rows == 10 ? contender.findByRack(inputs.datacenter(), inputs.rack())
                : contender.findByDatacenter(inputs.datacenter());
    }

    @Benchmark
    public List<JooqHost> jooq(JooqContender contender, Inputs inputs) {
        return rows == 10 ? contender.findByRack(inputs.datacenter(), inputs.rack())
                : contender.findByDatacenter(inputs.datacenter());
    }
}
