package io.quarry.spring.it.events;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.AbstractAggregateRoot;

/** An aggregate root that registers what happens to it. */
@Entity
@Table(name = "spring_parcel")
public class Parcel extends AbstractAggregateRoot<Parcel> {

    /** Published when a parcel is shipped. */
    public record Shipped(String label) {
    }

    @Id
    private Long id;

    private String label;

    protected Parcel() {
    }

    public Parcel(Long id, String label) {
        this.id = id;
        this.label = label;
    }

    public Parcel ship() {
        return andEvent(new Shipped(label));
    }

    public boolean hasEvents() {
        return !domainEvents().isEmpty();
    }
}
