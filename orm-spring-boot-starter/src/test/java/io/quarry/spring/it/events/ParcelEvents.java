package io.quarry.spring.it.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records the parcel events each kind of listener sees, in the order it sees them. */
public class ParcelEvents {

    public final List<String> seen = new CopyOnWriteArrayList<>();

    @EventListener
    public void published(Parcel.Shipped shipped) {
        if (shipped.label().startsWith("fail")) {
            throw new IllegalStateException("the listener refused " + shipped.label());
        }
        seen.add("published " + shipped.label());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void committed(Parcel.Shipped shipped) {
        seen.add("committed " + shipped.label());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK)
    public void rolledBack(Parcel.Shipped shipped) {
        seen.add("rolled back " + shipped.label());
    }
}
