package io.quarry.bench;

import io.quarry.bench.jdbc.JdbcContender;
import io.quarry.bench.jdbc.JdbcHost;
import io.quarry.bench.jdbc.JdbcReadOnlyTransactionContender;
import io.quarry.bench.jooq.JooqContender;
import io.quarry.bench.jooq.JooqHost;
import io.quarry.bench.jpa.JpaContender;
import io.quarry.bench.jpa.JpaHost;
import io.quarry.bench.quarry.QuarryContender;
import io.quarry.bench.quarry.QuarryHost;
import io.quarry.bench.quarry.QuarryRepositoryContender;
import io.quarry.bench.quarryboot.QuarryObservedSpringBootContender;
import io.quarry.bench.quarryboot.QuarrySpringBootContender;
import io.quarry.bench.springjdbc.DataJdbcContender;
import io.quarry.bench.springjdbc.DataJdbcHost;
import io.quarry.bench.support.Inputs;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * A point read: one host by primary key, ids in a shuffled order. Sampled, for the p99.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FindById {

    @Benchmark
    public JdbcHost jdbc(JdbcContender contender, Inputs inputs) {
        return contender.findById(inputs.id());
    }

    /** What Spring Data pays around every read: JDBC in a read-only transaction of its own. */
    @Benchmark
    public JdbcHost jdbcReadOnlyTx(JdbcReadOnlyTransactionContender contender, Inputs inputs) {
        return contender.findById(inputs.id());
    }

    @Benchmark
    public QuarryHost quarry(QuarryContender contender, Inputs inputs) {
        return contender.findById(inputs.id());
    }

    @Benchmark
    public QuarryHost quarryRepository(QuarryRepositoryContender contender, Inputs inputs) {
        return contender.findById(inputs.id());
    }

    /** The repository bean of the Spring Boot starter, outside a transaction. */
    @Benchmark
    public QuarryHost quarrySpringBoot(QuarrySpringBootContender contender, Inputs inputs) {
        return contender.findById(inputs.id());
    }

    /** The same with an ObservationRegistry: every statement and repository call a Micrometer observation and timer. */
    @Benchmark
    public QuarryHost quarrySpringBootObserved(QuarryObservedSpringBootContender contender, Inputs inputs) {
        return contender.findById(inputs.id());
    }

    @Benchmark
    public JpaHost springDataJpa(JpaContender contender, Inputs inputs) {
        return contender.findById(inputs.id());
    }

    @Benchmark
    public DataJdbcHost springDataJdbc(DataJdbcContender contender, Inputs inputs) {
        return contender.findById(inputs.id());
    }

    @Benchmark
    public JooqHost jooq(JooqContender contender, Inputs inputs) {
        return contender.findById(inputs.id());
    }
}
