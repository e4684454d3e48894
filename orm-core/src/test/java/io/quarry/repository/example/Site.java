package io.quarry.repository.example;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;

/** Where a server stands: the to-one end of example and predicate queries through a reference. */
@Entity
@Table(name = "qbe_site")
public class Site {

    @Id @GeneratedValue Long id;
    @Column(length = 40) String name;
    String region;

    protected Site() {
    }

    public Site(String name, String region) {
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
}
