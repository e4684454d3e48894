package io.quarry.bench.support;

import io.quarry.bench.jdbc.JdbcContender;
import io.quarry.bench.jdbc.JdbcReadOnlyTransactionContender;
import io.quarry.bench.jooq.JooqContender;
import io.quarry.bench.jpa.JpaContender;
import io.quarry.bench.jpabatch.JpaBatchContender;
import io.quarry.bench.quarry.QuarryContender;
import io.quarry.bench.quarry.QuarryRepositoryContender;
import io.quarry.bench.quarryboot.QuarrySpringBootContender;
import io.quarry.bench.springjdbc.DataJdbcContender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs every contender's sanity checks for every workload (or those named as arguments) in one JVM,
 * without measuring: the quick way to see that all contenders work on a database before a long run
 * ({@code benchmarks/run.sh verify mysql}). Prints one line per contender and workload (with the
 * stack trace of a failure); exits 1 when any check failed.
 */
public final class VerifyContenders {

    private VerifyContenders() {
    }

    public static void main(String[] args) throws Exception {
        Set<Workload> workloads = args.length == 0 ? EnumSet.allOf(Workload.class) : EnumSet.noneOf(Workload.class);
        for (String arg : args) {
            workloads.add(Arrays.stream(Workload.values()).filter(w -> w.className().equalsIgnoreCase(arg)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown workload " + arg + "; known: "
                            + Arrays.stream(Workload.values()).map(Workload::className).toList())));
        }
        int failures = run(workloads);
        System.out.println(failures == 0 ? "all contenders agree" : failures + " check(s) failed");
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Checks every contender on {@code workloads}; returns how many checks failed (each is printed). */
    public static int run(Set<Workload> workloads) throws Exception {
        int failures = 0;
        boolean stream = workloads.contains(Workload.STREAM_ALL);
        Fixture fixture = Fixture.start(stream);
        Workload boot = stream ? Workload.STREAM_ALL : Workload.FIND_BY_ID;
        try {
            JdbcContender jdbc = new JdbcContender();
            jdbc.start(fixture);
            JdbcReadOnlyTransactionContender jdbcReadOnlyTx = new JdbcReadOnlyTransactionContender();
            jdbcReadOnlyTx.start(fixture);
            QuarryContender quarry = new QuarryContender();
            quarry.start(fixture);
            QuarryRepositoryContender quarryRepository = new QuarryRepositoryContender();
            quarryRepository.start(fixture);
            QuarrySpringBootContender quarrySpringBoot = new QuarrySpringBootContender();
            quarrySpringBoot.start(fixture);
            JooqContender jooq = new JooqContender();
            jooq.start(fixture);
            JpaContender jpa = new JpaContender();
            jpa.start(fixture, boot);
            JpaBatchContender jpaBatch = new JpaBatchContender();
            jpaBatch.start(fixture);
            DataJdbcContender dataJdbc = new DataJdbcContender();
            dataJdbc.start(fixture, boot);
            List<Object> contenders = new ArrayList<>(
                    List.of(jdbc, jdbcReadOnlyTx, quarry, quarryRepository, quarrySpringBoot, jpa, jpaBatch, dataJdbc, jooq));
            try {
                for (Workload workload : workloads) {
                    for (Object contender : contenders) {
                        if (takesPart(workload, contender)) {
                            long start = System.nanoTime();
                            String outcome = "ok  ";
                            try {
                                Sanity.check(workload, contender, fixture);
                            } catch (RuntimeException e) {
                                outcome = "FAIL";
                                failures++;
                                e.printStackTrace(System.out);
                            }
                            System.out.printf(Locale.ROOT, "%s %-16s %-25s %s (%d ms)%n", outcome, workload.className(),
                                    contender.getClass().getSimpleName(), fixture.db().label(),
                                    (System.nanoTime() - start) / 1_000_000);
                        }
                    }
                }
            } finally {
                quarrySpringBoot.close();
                jpa.close();
                jpaBatch.close();
                dataJdbc.close();
            }
        } finally {
            Fixture.stop();
        }
        return failures;
    }

    private static boolean takesPart(Workload workload, Object contender) {
        if (workload == Workload.STREAM_ALL && contender instanceof QuarrySpringBootContender) {
            return false; // its application has no stream repository
        }
        if (workload.isWrite()) {
            return contender instanceof Writes<?>;
        }
        return contender instanceof Reads<?> || workload == Workload.FIND_BY_ID && contender instanceof PointReads<?>;
    }
}
