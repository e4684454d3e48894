package io.quarry.spring;

import io.quarry.session.Session;
import java.util.function.Supplier;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Flushes the current transaction's session before a NESTED transaction sets its savepoint, so that
 * a rollback to the savepoint undoes only what the nested transaction did: the outer transaction's
 * changes are written before the savepoint, out of its reach. (Spring tells synchronizations about
 * a savepoint only after setting it.) The auto-configuration adds it to every
 * {@code ConfigurableTransactionManager}. Thread-safe.
 */
public final class SavepointFlushListener implements TransactionExecutionListener {

    private final Supplier<SpringManagedSession> sharedSession;

    /** @param sharedSession the shared session, looked up when a nested transaction begins */
    public SavepointFlushListener(Supplier<SpringManagedSession> sharedSession) {
        this.sharedSession = sharedSession;
    }

    @Override
    public void beforeBegin(TransactionExecution transaction) {
        if (!transaction.isNested()) {
            return;
        }
        SpringManagedSession shared = sharedSession.get();
        if (shared != null) {
            shared.flushBeforeSavepoint();
        }
    }
}
