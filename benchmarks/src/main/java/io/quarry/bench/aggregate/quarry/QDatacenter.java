package io.quarry.bench.aggregate.quarry;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.OneToMany;
import io.quarry.mapping.Table;
import java.util.ArrayList;
import java.util.List;

/** A datacenter with its hosts (loaded on first access or when a query asks; saved with it). */
@Entity
@Table(name = "agg_datacenter")
public class QDatacenter {

    @Id
    @GeneratedValue
    private Long id;
    private String name;
    private String region;
    @OneToMany(mappedBy = "datacenter")
    private List<QAggHost> hosts = new ArrayList<>();

    public QDatacenter() {
    }

    public QDatacenter(String name, String region) {
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

    public List<QAggHost> getHosts() {
        return hosts;
    }
}
