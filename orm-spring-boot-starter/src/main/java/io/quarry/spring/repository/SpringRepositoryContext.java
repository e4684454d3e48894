package io.quarry.spring.repository;

import io.quarry.repository.RepositoryContext;
import io.quarry.session.Session;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repositories in a Spring application: calls join the caller's transaction through the shared
 * {@link Session}; without one, writes and multi-statement calls run in a transaction of their own
 * (through the application's transaction manager), and single-statement reads and streams use the
 * shared session's short auto-commit sessions (one round trip). Thread-safe.
 */
final class SpringRepositoryContext implements RepositoryContext {

    private final Session shared;
    private final TransactionTemplate transactions;

    SpringRepositoryContext(Session shared, TransactionTemplate transactions) {
        this.shared = shared;
        this.transactions = transactions;
    }

    @Override
    public Session currentSession() {
        return TransactionSynchronizationManager.isActualTransactionActive() ? shared : null;
    }

    @Override
    public <R> R inTransaction(Function<Session, R> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.apply(shared);
        }
        return transactions.execute(status -> work.apply(shared));
    }

    @Override
    public <R> R read(Function<Session, R> work) {
        return work.apply(shared);
    }

    @Override
    public <R> Stream<R> stream(Function<Session, Stream<R>> work) {
        return work.apply(shared);
    }

    @Override
    public String toString() {
        return "SpringRepositoryContext[" + transactions.getTransactionManager() + "]";
    }
}
