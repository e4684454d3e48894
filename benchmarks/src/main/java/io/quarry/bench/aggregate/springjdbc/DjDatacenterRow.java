package io.quarry.bench.aggregate.springjdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A datacenter on its own, the aggregate a {@link DjHost} refers to. */
@Table("agg_datacenter")
public class DjDatacenterRow {

    @Id
    private Long id;
    private String name;
    private String region;

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
