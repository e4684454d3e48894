package io.quarry.spring.replica;

/**
 * What the read-replica routing did since start-up, counted per read-only connection taken (one per
 * read-only transaction or short read that ran a statement, not per statement). Immutable.
 *
 * @param fromReplica read-only connections a replica gave
 * @param fallbacks read-only connections the primary gave because no replica could (each replica failed or
 *        was in its back-off period)
 * @param afterWrites read-only connections the primary gave because the thread's read-your-writes window
 *        was open
 * @param failedConnects times a replica failed to give a connection (each puts it into its back-off period)
 */
public record ReplicaStatistics(long fromReplica, long fallbacks, long afterWrites, long failedConnects) {
}
