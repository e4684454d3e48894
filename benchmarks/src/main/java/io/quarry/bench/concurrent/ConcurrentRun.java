package io.quarry.bench.concurrent;

import io.quarry.bench.jdbc.JdbcContender;
import io.quarry.bench.jooq.JooqContender;
import io.quarry.bench.jpa.JpaContender;
import io.quarry.bench.quarry.QuarryContender;
import io.quarry.bench.quarry.QuarryRepositoryContender;
import io.quarry.bench.quarryboot.QuarrySpringBootContender;
import io.quarry.bench.springjdbc.DataJdbcContender;
import io.quarry.bench.support.BenchDatabase;
import io.quarry.bench.support.Contenders;
import io.quarry.bench.support.Fixture;
import io.quarry.bench.support.Reads;
import io.quarry.bench.support.Workload;
import io.quarry.bench.support.Writes;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The concurrent runs: each contender shared by N threads (platform or virtual) that each call one
 * workload's operation in a loop with arguments of their own ({@link ThreadKeys}), on one pool of
 * Spring Boot's default size ({@value BenchDatabase#BOOT_POOL_SIZE} connections). Per run: a warm-up,
 * then a measured window whose completed operations give the throughput and the latency percentiles.
 *
 * <p>All contenders live in one JVM and take turns: for each workload and thread count, every round
 * runs each contender once, in an order that rotates from round to round, and a contender's figures
 * are its rounds together. On a machine whose load changes from minute to minute (it is shared), the
 * contenders compared in a row are measured seconds apart, not minutes as they would be in forks of
 * their own; the price is that their code shares one JIT (the JDBC driver and pool classes are the
 * same for all of them anyway).
 *
 * <pre>
 * java -cp benchmarks.jar io.quarry.bench.concurrent.ConcurrentRun OUT.jsonl RUNS ROUNDS WARMUP_S MEASURE_S [CONTENDERS [WORKLOADS]]
 *   RUNS        e.g. platform:1,platform:8,platform:32 or platform:32,virtual:32,virtual:256 (virtual needs JDK 21+)
 *   CONTENDERS  any of jdbc,quarry,quarryRepository,quarrySpringBoot,springDataJpa,springDataJdbc,jooq (the default: all)
 *   WORKLOADS   any of FindById,FindByFilter,ReadModifyWrite,Insert (the default: all)
 * </pre>
 *
 * For each contender, workload and run it appends one JSON line to OUT: database, JDK, contender,
 * workload, thread kind and count, operations per second (the mean of the rounds), median and p99 in
 * microseconds, the benchmark JVM's CPU time per operation, the heap one operation allocates (measured
 * per thread, so unlike the times it does not depend on the machine's load), operations and errors. The database is {@code -Dquarry.bench.db}, as for JMH. Not
 * thread-safe; a program.
 */
public final class ConcurrentRun {

    private static final String ALL_CONTENDERS = "jdbc,quarry,quarryRepository,quarrySpringBoot,springDataJpa,"
            + "springDataJdbc,jooq";

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ConcurrentRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            throw new IllegalArgumentException("Usage: ConcurrentRun OUT.jsonl RUNS ROUNDS WARMUP_S MEASURE_S "
                    + "[CONTENDERS [WORKLOADS]]; see the class's Javadoc");
        }
        Path out = Path.of(args[0]);
        int rounds = Integer.parseInt(args[2]);
        double warmup = Double.parseDouble(args[3]);
        double measure = Double.parseDouble(args[4]);
        List<String> names = List.of((args.length > 5 ? args[5] : ALL_CONTENDERS).split(","));
        List<ConcurrentWorkload> workloads = new ArrayList<>();
        for (String name : (args.length > 6 ? args[6] : "FindById,FindByFilter,ReadModifyWrite,Insert").split(",")) {
            workloads.add(ConcurrentWorkload.named(name.trim()));
        }
        Fixture fixture = Fixture.start(false, Integer.getInteger("quarry.bench.poolSize", BenchDatabase.BOOT_POOL_SIZE));
        Map<String, Object> contenders = new LinkedHashMap<>();
        try {
            for (String name : names) {
                contenders.put(name.trim(), contender(name.trim(), fixture));
            }
            // workload by workload, so that no contender's write check changes a row another's read check expects
            for (ConcurrentWorkload workload : workloads) {
                for (Object contender : contenders.values()) {
                    Contenders.verify(workload.checkedBy(), contender);
                }
            }
            List<String> order = new ArrayList<>(contenders.keySet());
            for (ConcurrentWorkload workload : workloads) {
                for (String run : args[1].split(",")) {
                    String[] kindAndThreads = run.trim().split(":");
                    boolean virtual = kindAndThreads[0].equals("virtual");
                    int threads = Integer.parseInt(kindAndThreads[1]);
                    Map<String, Measured> results = new LinkedHashMap<>();
                    for (int round = 0; round < rounds; round++) {
                        for (String name : order) {
                            Measured measured = measure(name, contenders.get(name), workload, virtual, threads, warmup,
                                    measure);
                            results.merge(name, measured, Measured::plus);
                            if (workload.checkedBy().isWrite()) {
                                fixture.dataset().cleanUpAfterWrites();
                            }
                        }
                        Collections.rotate(order, 1);
                    }
                    for (String name : contenders.keySet()) {
                        String line = results.get(name).json(fixture, name, workload, virtual, threads, rounds, warmup,
                                measure);
                        System.out.println(line);
                        Files.writeString(out, line + System.lineSeparator(), StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
            }
        } finally {
            for (Object contender : contenders.values()) {
                if (contender instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
            Fixture.stop();
        }
    }

    /** What the rounds of one contender measured together. */
    private record Measured(Latencies latencies, double seconds, long cpuNanos, long allocated, long allocatedOps,
            long errors) {

        Measured plus(Measured other) {
            Latencies all = new Latencies();
            all.add(latencies);
            all.add(other.latencies);
            return new Measured(all, seconds + other.seconds, cpuNanos + other.cpuNanos, allocated + other.allocated,
                    allocatedOps + other.allocatedOps, errors + other.errors);
        }

        String json(Fixture fixture, String name, ConcurrentWorkload workload, boolean virtual, int threads, int rounds,
                double warmup, double measure) {
            return String.format(Locale.ROOT, "{\"db\": \"%s\", \"jdk\": \"%s\", \"contender\": \"%s\", "
                            + "\"workload\": \"%s\", \"threadKind\": \"%s\", \"threads\": %d, \"pool\": %d, "
                            + "\"opsPerSecond\": %.1f, \"p50Us\": %.2f, \"p99Us\": %.2f, \"cpuUsPerOp\": %.2f, "
                            + "\"allocBytesPerOp\": %.0f, "
                            + "\"ops\": %d, \"errors\": %d, "
                            + "\"rounds\": %d, \"warmupS\": %.1f, \"measureS\": %.1f}",
                    fixture.db().label(), Runtime.version(), name, workload.label(), virtual ? "virtual" : "platform",
                    threads, fixture.pool().getMaximumPoolSize(), latencies.count() / seconds,
                    latencies.percentile(0.5) / 1e3, latencies.percentile(0.99) / 1e3,
                    cpuNanos / 1e3 / Math.max(1, latencies.count()),
                    allocatedOps > 0 ? (double) allocated / allocatedOps : Double.NaN, latencies.count(), errors, rounds,
                    warmup, measure);
        }
    }

    /** The contender {@code name}, started on the fixture's pool. */
    private static Object contender(String name, Fixture fixture) {
        switch (name) {
            case "jdbc" -> {
                JdbcContender contender = new JdbcContender();
                contender.start(fixture);
                return contender;
            }
            case "quarry" -> {
                QuarryContender contender = new QuarryContender();
                contender.start(fixture);
                return contender;
            }
            case "quarryRepository" -> {
                QuarryRepositoryContender contender = new QuarryRepositoryContender();
                contender.start(fixture);
                return contender;
            }
            case "quarrySpringBoot" -> {
                QuarrySpringBootContender contender = new QuarrySpringBootContender();
                contender.start(fixture);
                return contender;
            }
            case "springDataJpa" -> {
                JpaContender contender = new JpaContender();
                contender.start(fixture, Workload.FIND_BY_ID);
                return contender;
            }
            case "springDataJdbc" -> {
                DataJdbcContender contender = new DataJdbcContender();
                contender.start(fixture, Workload.FIND_BY_ID);
                return contender;
            }
            case "jooq" -> {
                JooqContender contender = new JooqContender();
                contender.start(fixture);
                return contender;
            }
            default -> throw new IllegalArgumentException("Unknown contender '" + name + "'; use jdbc, quarry, "
                    + "quarryRepository, quarrySpringBoot, springDataJpa, springDataJdbc or jooq");
        }
    }

    /** One run: {@code threads} threads calling {@code workload} for the warm-up and the measured window. */
    @SuppressWarnings("unchecked")
    private static Measured measure(String name, Object contender, ConcurrentWorkload workload, boolean virtual,
            int threads, double warmupSeconds, double measureSeconds) throws InterruptedException {
        Reads<Object> reads = (Reads<Object>) contender;
        Writes<Object> writes = (Writes<Object>) contender;
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long measureTo = measureFrom + (long) (measureSeconds * 1e9);
        Latencies[] latencies = new Latencies[threads];
        AtomicLong errors = new AtomicLong();
        AtomicLong allocated = new AtomicLong();
        AtomicLong allocatedOps = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        ThreadFactory factory = virtual ? virtualThreads() : Thread::new;
        List<Thread> running = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            latencies[i] = new Latencies();
            Thread thread = factory.newThread(() -> {
                ThreadKeys keys = new ThreadKeys(index, threads);
                Latencies own = latencies[index];
                long bytesFrom = -1;
                long opsFrom = 0;
                while (System.nanoTime() < start) {
                    Thread.onSpinWait();
                }
                while (true) {
                    long began = System.nanoTime();
                    if (began >= measureTo) {
                        return;
                    }
                    if (bytesFrom < 0 && began >= measureFrom) {
                        bytesFrom = THREADS.getCurrentThreadAllocatedBytes();
                        opsFrom = own.count();
                    }
                    try {
                        workload.run(reads, writes, keys);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                        continue;
                    }
                    long ended = System.nanoTime();
                    // the operations completed in the window: their rate is the throughput, unbiased by the edges
                    if (ended >= measureFrom && ended < measureTo) {
                        own.record(ended - began);
                        if (bytesFrom >= 0) {
                            // the heap the operations allocated, from the first one begun in the window to this one
                            allocated.addAndGet(THREADS.getCurrentThreadAllocatedBytes() - bytesFrom);
                            allocatedOps.addAndGet(own.count() - opsFrom);
                            bytesFrom = THREADS.getCurrentThreadAllocatedBytes();
                            opsFrom = own.count();
                        }
                    }
                }
            });
            thread.setName(name + "-" + (virtual ? "virtual-" : "platform-") + i);
            running.add(thread);
            thread.start();
        }
        // the benchmark JVM's CPU time in the measured window (all its threads: the workload's, GC, JIT), which
        // unlike the wall-clock figures does not depend on how much of the shared machine the run got
        sleepUntil(measureFrom);
        long cpuFrom = PROCESS.getProcessCpuTime();
        sleepUntil(measureTo);
        long cpuTo = PROCESS.getProcessCpuTime();
        for (Thread thread : running) {
            thread.join();
        }
        Latencies all = new Latencies();
        for (Latencies each : latencies) {
            all.add(each);
        }
        if (firstError.get() != null) {
            System.err.println(name + " " + workload.label() + " with " + threads + " threads: " + errors.get()
                    + " operations failed, the first with:");
            firstError.get().printStackTrace();
        }
        return new Measured(all, measureSeconds, cpuTo - cpuFrom, allocated.get(), allocatedOps.get(), errors.get());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /**
     * A factory of virtual threads, found reflectively ({@code Thread.ofVirtual().factory()}): the module
     * compiles for Java 17, and the virtual runs need a JDK of 21 or later.
     */
    private static ThreadFactory virtualThreads() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Virtual threads need JDK 21 or later; this is " + Runtime.version(), e);
        }
    }
}
