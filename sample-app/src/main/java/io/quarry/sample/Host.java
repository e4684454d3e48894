package io.quarry.sample;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Index;
import java.time.Instant;

/** A server in the inventory: the SQLAlchemy guide's Host, plus a group and a creation time. */
@Entity
@Index(columns = "group")
public class Host {

    @Id
    @GeneratedValue
    private Long id;

    @Column(unique = true, nullable = false, length = 64)
    private String hostname;

    @Column(unique = true, nullable = false, length = 128)
    private String ipAddr;

    private int port = 22;

    @Column(name = "host_group", length = 32)
    private String group;

    @Column(nullable = false)
    private Instant createdAt = Instant.now();

    protected Host() {
    }

    public Host(String hostname, String ipAddr, String group) {
        this.hostname = hostname;
        this.ipAddr = ipAddr;
        this.group = group;
    }

    public Host(String hostname, String ipAddr, String group, int port) {
        this(hostname, ipAddr, group);
        this.port = port;
    }

    public Long getId() {
        return id;
    }

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

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return hostname + " (" + ipAddr + ":" + port + ", " + group + ")";
    }
}
