package io.quarry.bench;

import io.quarry.bench.aggregate.AggregateSeed;
import io.quarry.bench.aggregate.AggregateStatements;
import io.quarry.bench.aggregate.WrittenRows;
import io.quarry.bench.aggregate.jdbc.JdbcAggregates;
import io.quarry.bench.aggregate.jooq.JooqAggregates;
import io.quarry.bench.aggregate.jpa.JpaAggregates;
import io.quarry.bench.aggregate.quarry.QuarryAggregates;
import io.quarry.bench.aggregate.quarry.QuarryRepositoryAggregates;
import io.quarry.bench.aggregate.springjdbc.DataJdbcAggregates;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Aggregate write: {@value AggregateSeed#NEW_DATACENTERS} new datacenters of
 * {@value AggregateSeed#NEW_HOSTS_PER_DATACENTER} new hosts each, with {@value AggregateSeed#NEW_TAGS} new tags of which
 * each host has three, in one transaction; generated ids set on the objects. The rows are deleted after each call,
 * outside the measured time.
 * The statements of one call (and of one call at a tenth of the size) are counted in each contender's setup and
 * reported as the secondary metrics {@code statements} and {@code statementsSmall}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class AggregateWrite {

    private static final List<AggregateSeed.NewDatacenter> PLAN =
            AggregateSeed.newDatacenters(AggregateSeed.NEW_DATACENTERS);

    @Benchmark
    public List<?> jdbc(JdbcAggregates contender, AggregateStatements statements, WrittenRows written) {
        return contender.write(PLAN);
    }

    @Benchmark
    public List<?> quarry(QuarryAggregates contender, AggregateStatements statements, WrittenRows written) {
        return contender.write(PLAN);
    }

    @Benchmark
    public List<?> quarryRepository(QuarryRepositoryAggregates contender, AggregateStatements statements, WrittenRows written) {
        return contender.write(PLAN);
    }

    @Benchmark
    public List<?> springDataJpa(JpaAggregates contender, AggregateStatements statements, WrittenRows written) {
        return contender.write(PLAN);
    }

    @Benchmark
    public List<?> springDataJdbc(DataJdbcAggregates contender, AggregateStatements statements, WrittenRows written) {
        return contender.write(PLAN);
    }

    @Benchmark
    public List<?> jooq(JooqAggregates contender, AggregateStatements statements, WrittenRows written) {
        return contender.write(PLAN);
    }
}
