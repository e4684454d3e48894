package io.quarry.bench.aggregate.springjdbc;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A host inside a datacenter's aggregate, with its tag rows. */
@Table("agg_host")
public class DjDatacenterHost {

    @Id
    private Long id;
    private String hostname;
    private String ipAddr;
    private int port;
    @MappedCollection(idColumn = "host_id")
    private Set<DjHostTag> tags = new LinkedHashSet<>();

    public DjDatacenterHost() {
    }

    public DjDatacenterHost(String hostname, String ipAddr, int port) {
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

    public Set<DjHostTag> getTags() {
        return tags;
    }
}
