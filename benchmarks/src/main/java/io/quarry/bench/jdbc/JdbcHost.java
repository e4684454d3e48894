package io.quarry.bench.jdbc;

import io.quarry.bench.support.HostRow;
import java.time.LocalDateTime;

/** The raw JDBC contender's host: a plain mutable object filled by hand from a ResultSet. */
public final class JdbcHost {
    Long id;
    String hostname;
    String ipAddr;
    int port;
    String datacenter;
    String rack;
    String osName;
    int cpuCores;
    int memoryMb;
    boolean active;
    LocalDateTime createdAt;
    String description;

    HostRow row() {
        return new HostRow(id, hostname, ipAddr, port, datacenter, rack, osName, cpuCores, memoryMb, active, createdAt,
                description);
    }
}
