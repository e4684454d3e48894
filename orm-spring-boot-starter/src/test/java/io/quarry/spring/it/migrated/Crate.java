package io.quarry.spring.it.migrated;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;

/** A crate whose table a migration tool (Flyway, Liquibase) creates, not Quarry. */
@Entity
@Table(name = "spring_crate")
public class Crate {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 40)
    private String label;

    private int weight;

    public Crate() {
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
