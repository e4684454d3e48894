package io.quarry.spring.aot;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;

/** An entity with an enum column and a relation, for the ahead-of-time hints. */
@Entity
@Table(name = "aot_gadget")
public class Gadget {

    /** Stored by name. */
    public enum Kind { TOOL, TOY }

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private Kind kind;

    @ManyToOne
    private Maker maker;

    protected Gadget() {
    }

    public Gadget(String name, Kind kind, Maker maker) {
        this.name = name;
        this.kind = kind;
        this.maker = maker;
    }

    public String getName() {
        return name;
    }
}
