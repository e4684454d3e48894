package io.quarry.bench.aggregate.springjdbc;

import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A host as the root of its own aggregate: its tag rows of {@code agg_host_tag} belong to it, the datacenter and
 * the tags are other aggregates and so only referenced by id ({@link AggregateReference}, {@link DjHostTag}).
 */
@Table("agg_host")
public class DjHost {

    @Id
    private Long id;
    private String hostname;
    private String ipAddr;
    private int port;
    @Column("datacenter_id")
    private AggregateReference<DjDatacenterRow, Long> datacenter;
    @MappedCollection(idColumn = "host_id")
    private Set<DjHostTag> tags;

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

    public AggregateReference<DjDatacenterRow, Long> getDatacenter() {
        return datacenter;
    }

    public Set<DjHostTag> getTags() {
        return tags;
    }
}
