package io.quarry.bench.support;

import java.time.LocalDateTime;

/**
 * One host as plain values: what every contender's entity is turned into when the sanity checks
 * compare results. Never used on a measured path.
 */
public record HostRow(Long id, String hostname, String ipAddr, int port, String datacenter, String rack, String osName,
        int cpuCores, int memoryMb, boolean active, LocalDateTime createdAt, String description) {
}
