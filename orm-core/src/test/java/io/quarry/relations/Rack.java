package io.quarry.relations;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.Fetch;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;

/** A rack in a datacenter, whose datacenter is declared JOINED: every query reads it in the same statement. */
@Entity
@Table(name = "rl_rack")
public class Rack {

    @Id @GeneratedValue Long id;
    @Column(nullable = false, length = 40) String label;
    @ManyToOne(fetch = Fetch.JOINED) Datacenter datacenter;

    protected Rack() {
    }

    public Rack(String label, Datacenter datacenter) {
        this.label = label;
        this.datacenter = datacenter;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public Datacenter getDatacenter() {
        return datacenter;
    }
}
