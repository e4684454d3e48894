package io.quarry.bench.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A network interface of a host: the child side of the join workloads, mapped as its users would. */
@Entity
@Table(name = "nic")
public class JpaNic {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "host_id")
    private JpaHost host;

    private String name;
    private String macAddress;
    private int speedMbps;

    public Long getId() {
        return id;
    }

    public JpaHost getHost() {
        return host;
    }

    public String getName() {
        return name;
    }

    public String getMacAddress() {
        return macAddress;
    }

    public int getSpeedMbps() {
        return speedMbps;
    }
}
