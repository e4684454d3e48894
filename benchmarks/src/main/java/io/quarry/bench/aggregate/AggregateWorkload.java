package io.quarry.bench.aggregate;

import org.openjdk.jmh.infra.BenchmarkParams;

/** The aggregate workloads, named as their JMH classes in {@code io.quarry.bench}. */
public enum AggregateWorkload {
    HOSTS("AggregateHosts"),
    DATACENTERS("AggregateDatacenters"),
    WRITE("AggregateWrite");

    private final String className;

    AggregateWorkload(String className) {
        this.className = className;
    }

    public String className() {
        return className;
    }

    /** The workload of a running benchmark, from its name {@code io.quarry.bench.<Class>.<contender>}. */
    public static AggregateWorkload of(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        for (AggregateWorkload workload : values()) {
            if (benchmark.contains("." + workload.className + ".")) {
                return workload;
            }
        }
        throw new IllegalArgumentException("Benchmark " + benchmark + " is no aggregate workload");
    }
}
