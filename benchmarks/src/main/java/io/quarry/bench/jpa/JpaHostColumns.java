package io.quarry.bench.jpa;

import io.quarry.bench.support.HostRow;
import io.quarry.bench.support.HostSeed;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;

/**
 * The host columns but the id, which each entity declares with its own generation strategy; Spring
 * Boot's naming strategy turns the field names into snake_case columns.
 */
@MappedSuperclass
public abstract class JpaHostColumns {

    private String hostname;
    private String ipAddr;
    private int port;
    private String datacenter;
    private String rack;
    private String osName;
    private int cpuCores;
    private int memoryMb;
    private boolean active;
    private LocalDateTime createdAt;
    private String description;

    public abstract Long getId();

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public String getIpAddr() {
        return ipAddr;
    }

    public void setIpAddr(String ipAddr) {
        this.ipAddr = ipAddr;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getDatacenter() {
        return datacenter;
    }

    public void setDatacenter(String datacenter) {
        this.datacenter = datacenter;
    }

    public String getRack() {
        return rack;
    }

    public void setRack(String rack) {
        this.rack = rack;
    }

    public String getOsName() {
        return osName;
    }

    public void setOsName(String osName) {
        this.osName = osName;
    }

    public int getCpuCores() {
        return cpuCores;
    }

    public void setCpuCores(int cpuCores) {
        this.cpuCores = cpuCores;
    }

    public int getMemoryMb() {
        return memoryMb;
    }

    public void setMemoryMb(int memoryMb) {
        this.memoryMb = memoryMb;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** Sets every column but the id to the values of host number {@code n}. */
    public void seed(long n) {
        hostname = HostSeed.hostname(n);
        ipAddr = HostSeed.ipAddr(n);
        port = HostSeed.port(n);
        datacenter = HostSeed.datacenter(n);
        rack = HostSeed.rack(n);
        osName = HostSeed.osName(n);
        cpuCores = HostSeed.cpuCores(n);
        memoryMb = HostSeed.memoryMb(n);
        active = HostSeed.active(n);
        createdAt = HostSeed.createdAt(n);
        description = HostSeed.description(n);
    }

    /** This host as plain values, for the sanity checks. */
    public HostRow row() {
        return new HostRow(getId(), hostname, ipAddr, port, datacenter, rack, osName, cpuCores, memoryMb, active,
                createdAt, description);
    }
}
