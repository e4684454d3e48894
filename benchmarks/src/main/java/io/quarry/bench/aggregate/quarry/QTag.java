package io.quarry.bench.aggregate.quarry;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;

/** A tag of {@code agg_tag}. */
@Entity
@Table(name = "agg_tag")
public class QTag {

    @Id
    @GeneratedValue
    private Long id;
    private String name;

    public QTag() {
    }

    public QTag(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
