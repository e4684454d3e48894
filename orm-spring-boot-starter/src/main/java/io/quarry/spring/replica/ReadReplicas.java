package io.quarry.spring.replica;

import java.util.List;

/**
 * The read replicas Quarry routes read-only work to ({@code quarry.replicas.*} and {@link QuarryReplica}
 * beans), as a bean for monitoring. Thread-safe.
 */
public interface ReadReplicas {

    /** The replicas in round-robin order, each named by its pool name or bean name. */
    List<String> names();

    /** The counts so far. */
    ReplicaStatistics statistics();
}
