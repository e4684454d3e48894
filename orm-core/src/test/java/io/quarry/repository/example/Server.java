package io.quarry.repository.example;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;
import io.quarry.mapping.Version;

/**
 * The probe of the example tests: a String name and tier, a primitive {@code cores} (never null,
 * so always compared unless ignored), a boxed {@code ram}, a version and a site.
 */
@Entity
@Table(name = "qbe_server")
public class Server {

    @Id @GeneratedValue Long id;
    @Column(length = 60) String name;
    String tier;
    int cores;
    Integer ram;
    @Version Long version;
    @ManyToOne Site site;

    /** An empty probe: every reference and box null, {@code cores} 0. */
    public Server() {
    }

    public Server(String name, String tier, int cores, Integer ram, Site site) {
        this.name = name;
        this.tier = tier;
        this.cores = cores;
        this.ram = ram;
        this.site = site;
    }

    static Server named(String name) {
        Server probe = new Server();
        probe.name = name;
        return probe;
    }

    static Server tier(String tier) {
        Server probe = new Server();
        probe.tier = tier;
        return probe;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTier() {
        return tier;
    }

    public int getCores() {
        return cores;
    }

    public Integer getRam() {
        return ram;
    }

    public Site getSite() {
        return site;
    }

    @Override
    public String toString() {
        return "Server " + name;
    }
}
