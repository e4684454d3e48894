package io.quarry.bench.support;

/** The projection of the join workloads: a host and one of its network interfaces. Immutable. */
public record HostNic(long hostId, String hostname, String ipAddr, String nicName, String macAddress, int speedMbps) {
}
