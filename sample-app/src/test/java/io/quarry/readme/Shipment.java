package io.quarry.readme;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.repository.AbstractAggregateRoot;

// README: domain-events
@Entity
public class Shipment extends AbstractAggregateRoot<Shipment> {
    @Id @GeneratedValue Long id;
    String destination;
    boolean dispatched;

    public record Dispatched(String destination) {}

    protected Shipment() {}
    public Shipment(String destination) { this.destination = destination; }

    public Shipment dispatch() {
        dispatched = true;
        return andEvent(new Dispatched(destination));   // published by the repository's save, then cleared
    }
}
// END
