package io.quarry.bench;

import io.quarry.bench.jdbc.JdbcContender;
import io.quarry.bench.jdbc.JdbcHost;
import io.quarry.bench.jooq.JooqContender;
import io.quarry.bench.jooq.JooqHost;
import io.quarry.bench.jpa.JpaContender;
import io.quarry.bench.jpa.JpaHost;
import io.quarry.bench.jpabatch.JpaBatchContender;
import io.quarry.bench.jpabatch.JpaBatchHost;
import io.quarry.bench.quarry.QuarryContender;
import io.quarry.bench.quarry.QuarryHost;
import io.quarry.bench.quarry.QuarryRepositoryContender;
import io.quarry.bench.springjdbc.DataJdbcContender;
import io.quarry.bench.springjdbc.DataJdbcHost;
import io.quarry.bench.support.HostSeed;
import io.quarry.bench.support.InsertedRows;
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
 * Inserting 100 or 10,000 new hosts in one transaction, the generated ids set on the objects. The rows are
 * deleted after each call, outside the measured time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class Insert {

    /** Hosts inserted per call. */
    @Param({"100", "10000"})
    public int rows;

    @Benchmark
    public List<JdbcHost> jdbc(JdbcContender contender, InsertedRows inserted) {
        return contender.insert(HostSeed.FIRST_NEW, rows);
    }

    @Benchmark
    public List<QuarryHost> quarry(QuarryContender contender, InsertedRows inserted) {
        return contender.insert(HostSeed.FIRST_NEW, rows);
    }

    @Benchmark
    public List<QuarryHost> quarryRepository(QuarryRepositoryContender contender, InsertedRows inserted) {
        return contender.insert(HostSeed.FIRST_NEW, rows);
    }

    @Benchmark
    public List<JpaHost> springDataJpa(JpaContender contender, InsertedRows inserted) {
        return contender.insert(HostSeed.FIRST_NEW, rows);
    }

    @Benchmark
    public List<JpaBatchHost> springDataJpaBatch(JpaBatchContender contender, InsertedRows inserted) {
        return contender.insert(HostSeed.FIRST_NEW, rows);
    }

    @Benchmark
    public List<DataJdbcHost> springDataJdbc(DataJdbcContender contender, InsertedRows inserted) {
        return contender.insert(HostSeed.FIRST_NEW, rows);
    }

    @Benchmark
    public List<JooqHost> jooq(JooqContender contender, InsertedRows inserted) {
        return contender.insert(HostSeed.FIRST_NEW, rows);
    }
}
