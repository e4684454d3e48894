package io.quarry.sample;

import io.quarry.mapping.Cascade;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.OneToMany;
import java.util.ArrayList;
import java.util.List;

/**
 * A datacenter and the hosts in it. Saving it saves new hosts added to {@link #getHosts()}
 * ({@link Cascade#SAVE}); a host removed from the collection is deleted when the datacenter is saved
 * ({@link Cascade#DELETE_ORPHAN}). The collection is loaded on first access inside a transaction, or with
 * the read ({@code @LoadWith}, {@code query.with("hosts")}).
 */
@Entity
public class Datacenter {

    @Id
    @GeneratedValue
    private Long id;

    @Column(unique = true, nullable = false, length = 32)
    private String name;

    @Column(nullable = false, length = 16)
    private String region;

    @OneToMany(mappedBy = "datacenter", cascade = {Cascade.SAVE, Cascade.DELETE_ORPHAN})
    private List<Host> hosts = new ArrayList<>();

    protected Datacenter() {
    }

    public Datacenter(String name, String region) {
        this.name = name;
        this.region = region;
    }

    /** Adds {@code host}; its {@code datacenter} is set from the collection when the datacenter is saved. */
    public Datacenter addHost(Host host) {
        hosts.add(host);
        return this;
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

    public List<Host> getHosts() {
        return hosts;
    }

    @Override
    public String toString() {
        return name + " (" + region + ")";
    }
}
