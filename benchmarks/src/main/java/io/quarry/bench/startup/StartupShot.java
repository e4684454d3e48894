package io.quarry.bench.startup;

import io.quarry.bench.Startup;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;

/**
 * One cold start of one {@link Startup} case in this JVM, as one JMH fork of it runs (tables created
 * first, then the timed call), printing its wall-clock time and the CPU time the whole process spent
 * meanwhile (every thread: the JIT compilers and the collector compete for the same cores). The CPU
 * time moves far less than the wall-clock time when other processes share the machine.
 * {@code benchmarks/startup-interleaved.py} runs it:
 *
 * <pre>
 * java -Xms2g -Xmx2g -XX:+UseG1GC -Dquarry.bench.db=h2 -cp benchmarks/target/benchmarks.jar \
 *   io.quarry.bench.startup.StartupShot quarrySpringBoot 50
 * </pre>
 */
public final class StartupShot {

    private StartupShot() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: StartupShot <Startup method, e.g. quarrySpringBoot> <entities: 1 or 50>");
        }
        Method benchmark = Startup.class.getMethod(args[0]);
        Startup startup = new Startup();
        startup.entities = Integer.parseInt(args[1]);
        startup.createTables();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        benchmark.invoke(startup);
        long wall = System.nanoTime() - start;
        cpu = os.getProcessCpuTime() - cpu;
        startup.stop();
        System.out.printf("startup-shot %s entities=%d wall_ms=%.1f cpu_ms=%.1f%n", args[0], startup.entities,
                wall / 1e6, cpu / 1e6);
    }
}
