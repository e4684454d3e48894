package io.quarry.sample;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Index;
import io.quarry.mapping.ManyToMany;
import io.quarry.mapping.ManyToOne;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A server in the inventory: the SQLAlchemy guide's Host, plus a group, a creation time, the
 * {@link Datacenter} it is in (none for a host not placed yet) and its {@link Tag}s.
 */
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

    /** Column datacenter_id, NULL for a host in no datacenter; loaded with the host. */
    @ManyToOne
    private Datacenter datacenter;

    /** Join table host_tags (host_id, tag_id); loaded on first access, or with the read. */
    @ManyToMany
    private Set<Tag> tags = new LinkedHashSet<>();

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

    public Datacenter getDatacenter() {
        return datacenter;
    }

    /** Moves the host: its datacenter_id is updated at the next flush. */
    public void setDatacenter(Datacenter datacenter) {
        this.datacenter = datacenter;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    /** Adds tags; new ones are saved with the host. */
    public Host tag(Tag... more) {
        tags.addAll(List.of(more));
        return this;
    }

    @Override
    public String toString() {
        return hostname + " (" + ipAddr + ":" + port + ", " + group + ")";
    }
}
