package io.quarry.bench.aggregate.springjdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A tag, an aggregate of its own. */
@Table("agg_tag")
public class DjTag {

    @Id
    private Long id;
    private String name;

    public DjTag() {
    }

    public DjTag(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
