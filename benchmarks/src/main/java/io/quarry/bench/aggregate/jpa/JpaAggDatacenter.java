package io.quarry.bench.aggregate.jpa;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** A datacenter with its hosts; IDENTITY id; persisting it persists its new hosts. */
@Entity
@Table(name = "agg_datacenter")
public class JpaAggDatacenter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String region;
    @OneToMany(mappedBy = "datacenter", cascade = CascadeType.PERSIST)
    private Set<JpaAggHost> hosts = new LinkedHashSet<>();

    protected JpaAggDatacenter() {
    }

    public JpaAggDatacenter(String name, String region) {
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

    public Set<JpaAggHost> getHosts() {
        return hosts;
    }
}
