package io.quarry.bench;

import io.quarry.bench.aggregate.AggregateSeed;
import io.quarry.bench.aggregate.AggregateStatements;
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
 * Aggregate read, the reverse: the {@value AggregateSeed#DATACENTERS} datacenters, each with all its hosts (one-to-many).
 * The statements of one call (and of one call at a tenth of the size) are counted in each contender's setup and
 * reported as the secondary metrics {@code statements} and {@code statementsSmall}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class AggregateDatacenters {

    @Benchmark
    public List<?> jdbc(JdbcAggregates contender, AggregateStatements statements) {
        return contender.datacentersWithHosts(AggregateSeed.DATACENTERS);
    }

    @Benchmark
    public List<?> quarry(QuarryAggregates contender, AggregateStatements statements) {
        return contender.datacentersWithHosts(AggregateSeed.DATACENTERS);
    }

    @Benchmark
    public List<?> quarryRepository(QuarryRepositoryAggregates contender, AggregateStatements statements) {
        return contender.datacentersWithHosts(AggregateSeed.DATACENTERS);
    }

    @Benchmark
    public List<?> springDataJpa(JpaAggregates contender, AggregateStatements statements) {
        return contender.datacentersWithHosts(AggregateSeed.DATACENTERS);
    }

    @Benchmark
    public List<?> springDataJdbc(DataJdbcAggregates contender, AggregateStatements statements) {
        return contender.datacentersWithHosts(AggregateSeed.DATACENTERS);
    }

    @Benchmark
    public List<?> jooq(JooqAggregates contender, AggregateStatements statements) {
        return contender.datacentersWithHosts(AggregateSeed.DATACENTERS);
    }
}
