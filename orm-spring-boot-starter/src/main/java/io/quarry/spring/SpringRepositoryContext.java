package io.quarry.spring;

import io.quarry.repository.RepositoryContext;
import io.quarry.session.SessionTransaction;
import io.quarry.session.StatementSession;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repositories in a Spring application. Each call resolves its session once: inside a transaction
 * the transaction's own session (the one the shared {@code Session} bean delegates to); without one,
 * writes and multi-statement calls run in a transaction of their own (through the application's
 * transaction manager), and single-statement reads and streams in a short auto-commit session.
 * Quarry's exceptions leave as Spring's. Thread-safe.
 */
final class SpringRepositoryContext implements RepositoryContext {

    private final TransactionSessions sessions;
    private final TransactionTemplate transactions;

    SpringRepositoryContext(TransactionSessions sessions, TransactionTemplate transactions) {
        this.sessions = sessions;
        this.transactions = transactions;
    }

    @Override
    public StatementSession currentSession() {
        return TransactionSynchronizationManager.isActualTransactionActive() ? sessions.current() : null;
    }

    @Override
    public <R> R inTransaction(Function<StatementSession, R> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return sessions.translated(sessions.current(), work);
        }
        return transactions.execute(status -> sessions.translated(sessions.current(), work));
    }

    @Override
    public <R> R read(Function<StatementSession, R> work) {
        return sessions.read(work);
    }

    @Override
    public <R> Stream<R> stream(Function<StatementSession, Stream<R>> work) {
        StatementSession current = sessions.current();
        SessionTransaction own = current != null ? null : sessions.openShort();
        StatementSession session = current != null ? current : own.session();
        return QueryScope.of(sessions, own).stream(() -> work.apply(session));
    }

    @Override
    public String toString() {
        return "SpringRepositoryContext[" + transactions.getTransactionManager() + "]";
    }
}
