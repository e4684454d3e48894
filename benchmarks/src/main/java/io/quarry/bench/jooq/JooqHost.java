package io.quarry.bench.jooq;

import io.quarry.bench.support.HostRow;
import java.time.LocalDateTime;

/** The jOOQ contender's host: a POJO built from typed records through a constructor reference. */
public final class JooqHost {
    Long id;
    final String hostname;
    final String ipAddr;
    int port;
    final String datacenter;
    final String rack;
    final String osName;
    final int cpuCores;
    final int memoryMb;
    final boolean active;
    final LocalDateTime createdAt;
    final String description;

    JooqHost(Long id, String hostname, String ipAddr, int port, String datacenter, String rack, String osName,
            int cpuCores, int memoryMb, boolean active, LocalDateTime createdAt, String description) {
        this.id = id;
        this.hostname = hostname;
        this.ipAddr = ipAddr;
        this.port = port;
        this.datacenter = datacenter;
        this.rack = rack;
        this.osName = osName;
        this.cpuCores = cpuCores;
        this.memoryMb = memoryMb;
        this.active = active;
        this.createdAt = createdAt;
        this.description = description;
    }

    HostRow row() {
        return new HostRow(id, hostname, ipAddr, port, datacenter, rack, osName, cpuCores, memoryMb, active, createdAt,
                description);
    }
}
