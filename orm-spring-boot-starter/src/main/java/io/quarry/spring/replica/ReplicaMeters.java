package io.quarry.spring.replica;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToLongFunction;

/**
 * The {@link ReplicaStatistics} as Micrometer counters, read when the registry publishes:
 * {@code quarry.replicas.connections} tagged {@code to=replica}, {@code to=primary-fallback} and
 * {@code to=primary-after-write}, and {@code quarry.replicas.failed.connects}. Spring Boot binds it to the
 * application's registries. Thread-safe.
 */
final class ReplicaMeters implements MeterBinder {

    private final ReadReplicas replicas;

    ReplicaMeters(ReadReplicas replicas) {
        this.replicas = replicas;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        connections(registry, "replica", ReplicaStatistics::fromReplica,
                "Read-only connections a read replica gave");
        connections(registry, "primary-fallback", ReplicaStatistics::fallbacks,
                "Read-only connections the primary gave because no replica could");
        connections(registry, "primary-after-write", ReplicaStatistics::afterWrites,
                "Read-only connections the primary gave in the thread's read-your-writes window");
        FunctionCounter.builder("quarry.replicas.failed.connects", replicas,
                        read -> read.statistics().failedConnects())
                .description("Times a read replica gave no connection and was skipped for the back-off")
                .register(registry);
    }

    private void connections(MeterRegistry registry, String to, ToLongFunction<ReplicaStatistics> count,
            String description) {
        FunctionCounter.builder("quarry.replicas.connections", replicas,
                        read -> count.applyAsLong(read.statistics()))
                .tag("to", to)
                .description(description)
                .register(registry);
    }
}
