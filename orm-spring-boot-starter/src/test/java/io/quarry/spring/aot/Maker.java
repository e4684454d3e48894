package io.quarry.spring.aot;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;

/** The entity a {@link Gadget} refers to: reached by the hints through the relation only. */
@Entity
@Table(name = "aot_maker")
public class Maker {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    protected Maker() {
    }

    public Maker(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
