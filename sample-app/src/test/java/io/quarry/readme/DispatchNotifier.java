package io.quarry.readme;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

// README: domain-events-listener
@Component
public class DispatchNotifier {
    final List<String> notified = new CopyOnWriteArrayList<>();

    @TransactionalEventListener                 // AFTER_COMMIT: never for a save that is rolled back
    void on(Shipment.Dispatched dispatched) {
        notified.add(dispatched.destination());
    }
}
// END
