package io.quarry.bench.aggregate.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A host with its datacenter ({@code LAZY}, as JPA advice has it: fetched per query) and its tags through
 * {@code agg_host_tag}, a {@code Set}, so that fetching it with other collections raises no
 * MultipleBagFetchException.
 */
@Entity
@Table(name = "agg_host")
public class JpaAggHost {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String hostname;
    private String ipAddr;
    private int port;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "datacenter_id")
    private JpaAggDatacenter datacenter;
    @ManyToMany
    @JoinTable(name = "agg_host_tag", joinColumns = @JoinColumn(name = "host_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<JpaAggTag> tags = new LinkedHashSet<>();

    protected JpaAggHost() {
    }

    public JpaAggHost(String hostname, String ipAddr, int port) {
        this.hostname = hostname;
        this.ipAddr = ipAddr;
        this.port = port;
    }

    public Long getId() {
        return id;
    }

    public String getHostname() {
        return hostname;
    }

    public String getIpAddr() {
        return ipAddr;
    }

    public int getPort() {
        return port;
    }

    public JpaAggDatacenter getDatacenter() {
        return datacenter;
    }

    public void setDatacenter(JpaAggDatacenter datacenter) {
        this.datacenter = datacenter;
    }

    public Set<JpaAggTag> getTags() {
        return tags;
    }
}
