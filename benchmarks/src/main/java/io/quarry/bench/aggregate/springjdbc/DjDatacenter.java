package io.quarry.bench.aggregate.springjdbc;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A datacenter as the root of the aggregate the write saves: its hosts ({@link DjDatacenterHost}) with their tag rows. */
@Table("agg_datacenter")
public class DjDatacenter {

    @Id
    private Long id;
    private String name;
    private String region;
    @MappedCollection(idColumn = "datacenter_id")
    private Set<DjDatacenterHost> hosts = new LinkedHashSet<>();

    public DjDatacenter() {
    }

    public DjDatacenter(String name, String region) {
        this.name = name;
        this.region = region;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getRegion() {
        return region;
    }

    public Set<DjDatacenterHost> getHosts() {
        return hosts;
    }
}
