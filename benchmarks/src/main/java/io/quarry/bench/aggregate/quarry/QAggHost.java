package io.quarry.bench.aggregate.quarry;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToMany;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** A host of {@code agg_host}: its datacenter (loaded with it) and its tags through {@code agg_host_tag}. */
@Entity
@Table(name = "agg_host")
public class QAggHost {

    @Id
    @GeneratedValue
    private Long id;
    private String hostname;
    private String ipAddr;
    private int port;
    @ManyToOne(column = "datacenter_id")
    private QDatacenter datacenter;
    @ManyToMany(joinTable = "agg_host_tag", joinColumn = "host_id", inverseJoinColumn = "tag_id")
    private Set<QTag> tags = new LinkedHashSet<>();

    public QAggHost() {
    }

    public QAggHost(String hostname, String ipAddr, int port) {
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

    public QDatacenter getDatacenter() {
        return datacenter;
    }

    public void setDatacenter(QDatacenter datacenter) {
        this.datacenter = datacenter;
    }

    public Set<QTag> getTags() {
        return tags;
    }
}
