package io.quarry.relations;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToMany;
import io.quarry.mapping.Table;
import java.util.ArrayList;
import java.util.List;

/** The running example's label: tags are shared by many hosts. */
@Entity
@Table(name = "rl_tag")
public class Tag {

    @Id @GeneratedValue Long id;
    @Column(nullable = false, unique = true, length = 40) String name;
    @ManyToMany(mappedBy = "tags") List<Host> hosts = new ArrayList<>();

    protected Tag() {
    }

    public Tag(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Host> getHosts() {
        return hosts;
    }

    @Override
    public String toString() {
        return "Tag " + name;
    }
}
