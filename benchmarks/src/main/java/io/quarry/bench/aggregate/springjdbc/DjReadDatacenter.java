package io.quarry.bench.aggregate.springjdbc;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A datacenter as the root of an aggregate that holds its hosts, mapped for reading: hosts without their tag rows. */
@Table("agg_datacenter")
public class DjReadDatacenter {

    @Id
    private Long id;
    private String name;
    private String region;
    @MappedCollection(idColumn = "datacenter_id")
    private Set<DjReadHost> hosts = new LinkedHashSet<>();

    public DjReadDatacenter() {
    }

    public DjReadDatacenter(String name, String region) {
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

    public Set<DjReadHost> getHosts() {
        return hosts;
    }
}
