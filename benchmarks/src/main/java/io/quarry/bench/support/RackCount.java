package io.quarry.bench.support;

/** The projection of the group-by workload: a rack and how many hosts it holds. Immutable. */
public record RackCount(String rack, long hosts) {
}
