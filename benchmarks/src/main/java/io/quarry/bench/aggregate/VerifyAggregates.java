package io.quarry.bench.aggregate;

import io.quarry.bench.aggregate.jdbc.JdbcAggregates;
import io.quarry.bench.aggregate.jooq.JooqAggregates;
import io.quarry.bench.aggregate.jpa.JpaAggregates;
import io.quarry.bench.aggregate.springjdbc.DataJdbcAggregates;
import io.quarry.bench.aggregate.quarry.QuarryAggregates;
import io.quarry.bench.aggregate.quarry.QuarryRepositoryAggregates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every aggregate contender's checks ({@link AggregateCheck}) on every aggregate workload in one JVM,
 * without timing, and prints each one's statement counts: {@code benchmarks/run.sh verify mysql Aggregate}.
 * Exits 1 when a check failed.
 */
public final class VerifyAggregates {

    private VerifyAggregates() {
    }

    public static void main(String[] args) throws Exception {
        AggregateFixture fixture = AggregateFixture.start();
        int failures = 0;
        List<AggregateContender<?, ?, ?>> contenders = new ArrayList<>();
        List<AutoCloseable> closing = new ArrayList<>();
        try {
            JdbcAggregates jdbc = new JdbcAggregates();
            jdbc.start(fixture);
            contenders.add(jdbc);
            QuarryAggregates quarry = new QuarryAggregates();
            quarry.start(fixture);
            contenders.add(quarry);
            QuarryRepositoryAggregates quarryRepository = new QuarryRepositoryAggregates();
            quarryRepository.start(fixture);
            contenders.add(quarryRepository);
            JpaAggregates jpa = new JpaAggregates();
            jpa.start(fixture);
            closing.add(jpa);
            contenders.add(jpa);
            DataJdbcAggregates dataJdbc = new DataJdbcAggregates();
            dataJdbc.start(fixture);
            closing.add(dataJdbc);
            contenders.add(dataJdbc);
            JooqAggregates jooq = new JooqAggregates();
            jooq.start(fixture);
            contenders.add(jooq);
            for (AggregateWorkload workload : AggregateWorkload.values()) {
                for (AggregateContender<?, ?, ?> contender : contenders) {
                    long start = System.nanoTime();
                    String outcome;
                    try {
                        long[] counts = AggregateCheck.check(workload, contender, fixture);
                        outcome = String.format(Locale.ROOT, "ok   statements %d at a tenth, %d at full size", counts[0],
                                counts[1]);
                    } catch (RuntimeException e) {
                        failures++;
                        e.printStackTrace(System.out);
                        outcome = "FAIL";
                    }
                    System.out.printf(Locale.ROOT, "%-22s %-28s %-10s %s (%d ms)%n", workload.className(),
                            contender.getClass().getSimpleName(), fixture.db().label(), outcome,
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        } finally {
            for (AutoCloseable closeable : closing) {
                closeable.close();
            }
            AggregateFixture.stop();
        }
        System.out.println(failures == 0 ? "all aggregate contenders agree" : failures + " check(s) failed");
        System.exit(failures == 0 ? 0 : 1);
    }
}
