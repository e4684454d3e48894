package io.quarry.relations;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToMany;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** The running example's child: a host in one datacenter, tagged, maybe a replica of another host. */
@Entity
@Table(name = "rl_host")
public class Host {

    @Id @GeneratedValue Long id;
    @Column(nullable = false, length = 60) String hostname;
    @ManyToOne Datacenter datacenter;
    @ManyToOne(column = "replica_of") Host replicaOf;
    @ManyToMany(joinTable = "rl_host_tag", joinColumn = "host_id", inverseJoinColumn = "tag_id")
    Set<Tag> tags = new LinkedHashSet<>();

    protected Host() {
    }

    public Host(String hostname) {
        this.hostname = hostname;
    }

    public Long getId() {
        return id;
    }

    public String getHostname() {
        return hostname;
    }

    public Datacenter getDatacenter() {
        return datacenter;
    }

    public void setDatacenter(Datacenter datacenter) {
        this.datacenter = datacenter;
    }

    public Host getReplicaOf() {
        return replicaOf;
    }

    public void setReplicaOf(Host replicaOf) {
        this.replicaOf = replicaOf;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    @Override
    public String toString() {
        return "Host " + hostname;
    }
}
