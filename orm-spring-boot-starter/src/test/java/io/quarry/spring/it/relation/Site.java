package io.quarry.spring.it.relation;

import io.quarry.mapping.Cascade;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.OneToMany;
import io.quarry.mapping.Table;
import java.util.ArrayList;
import java.util.List;

/** A datacenter with its machines (a lazy one-to-many), for the starter's relation tests. */
@Entity
@Table(name = "spring_site")
public class Site {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 32)
    private String name;

    @Column(length = 16)
    private String region;

    @OneToMany(mappedBy = "site", cascade = {Cascade.SAVE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
    private List<Machine> machines = new ArrayList<>();

    protected Site() {
    }

    public Site(String name, String region) {
        this.name = name;
        this.region = region;
    }

    /** Adds {@code machine} to the collection; the flush sets its reference. */
    public Site add(Machine machine) {
        machines.add(machine);
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

    public List<Machine> getMachines() {
        return machines;
    }
}
