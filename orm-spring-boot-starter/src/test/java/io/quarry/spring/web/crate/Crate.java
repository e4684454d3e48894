package io.quarry.spring.web.crate;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;

/** A crate with a label and a weight, for the web tests. */
@Entity
@Table(name = "web_crate")
public class Crate {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 32)
    private String label;

    private int weight;

    protected Crate() {
    }

    public Crate(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public int getWeight() {
        return weight;
    }
}
