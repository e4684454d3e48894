package io.quarry.relations;

import io.quarry.mapping.Cascade;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.OneToMany;
import io.quarry.mapping.Table;
import java.util.ArrayList;
import java.util.List;

/** The running example's parent: a datacenter in a region, with its hosts. */
@Entity
@Table(name = "rl_datacenter")
public class Datacenter {

    @Id @GeneratedValue Long id;
    @Column(nullable = false, unique = true, length = 40) String name;
    String region;
    @OneToMany(mappedBy = "datacenter", cascade = {Cascade.SAVE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
    List<Host> hosts = new ArrayList<>();

    protected Datacenter() {
    }

    public Datacenter(String name, String region) {
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

    public void setRegion(String region) {
        this.region = region;
    }

    public List<Host> getHosts() {
        return hosts;
    }

    /** Adds {@code host} here and points it at this datacenter. */
    public Datacenter addHost(Host host) {
        hosts.add(host);
        host.datacenter = this;
        return this;
    }

    @Override
    public String toString() {
        return "Datacenter " + name;
    }
}
