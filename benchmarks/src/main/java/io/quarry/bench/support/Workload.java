package io.quarry.bench.support;

import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The workloads, named as their JMH classes in {@code io.quarry.bench}. A contender's setup asks
 * which one its fork runs, to prepare only the data it needs and check only what it measures.
 */
public enum Workload {
    FIND_BY_ID("FindById"),
    FIND_BY_FILTER("FindByFilter"),
    JOIN("Join"),
    COUNT_FILTERED("CountFiltered"),
    GROUP_BY_COUNT("GroupByCount"),
    INSERT("Insert"),
    READ_MODIFY_WRITE("ReadModifyWrite"),
    BULK_UPDATE("BulkUpdate"),
    STREAM_ALL("StreamAll");

    private final String className;

    Workload(String className) {
        this.className = className;
    }

    public String className() {
        return className;
    }

    public boolean isWrite() {
        return this == INSERT || this == READ_MODIFY_WRITE || this == BULK_UPDATE;
    }

    /** The workload of a running benchmark, from its name {@code io.quarry.bench.<Class>.<contender>}. */
    public static Workload of(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        String simpleClass = benchmark.substring(0, benchmark.lastIndexOf('.'));
        simpleClass = simpleClass.substring(simpleClass.lastIndexOf('.') + 1);
        for (Workload workload : values()) {
            if (workload.className.equals(simpleClass)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("Benchmark " + benchmark + " belongs to no known workload; add its class to "
                + Workload.class.getName());
    }
}
