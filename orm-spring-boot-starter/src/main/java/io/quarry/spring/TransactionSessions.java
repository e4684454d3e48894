package io.quarry.spring;

import io.quarry.QuarryException;
import io.quarry.session.ConnectionProvider;
import io.quarry.session.SessionTransaction;
import io.quarry.session.StatementSession;
import io.quarry.session.SessionFactory;
import io.quarry.session.SessionOptions;
import java.util.function.Function;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds the Quarry session of the current Spring transaction, as {@code DataSourceUtils} finds its
 * connection: the one bound to the thread under the {@link SessionFactory}, else a new one, bound
 * and synchronized with the transaction. Outside a transaction, reads get a short session of their
 * own (read-only, auto-commit: one round trip) and writes are refused. Every Quarry exception
 * leaves as a Spring {@code DataAccessException}. Thread-safe (the state is per thread, in
 * {@link TransactionSynchronizationManager}).
 */
final class TransactionSessions {

    private final SessionFactory factory;
    private final ConnectionProvider connections;
    /** Where the short reads outside a transaction get their connections (read-only ones where that routes them). */
    private final ConnectionProvider shortReads;
    private final SessionOptions options;
    private final QuarryExceptionTranslator translator;

    TransactionSessions(SessionFactory factory, ConnectionProvider connections, QuarryExceptionTranslator translator) {
        this.factory = factory;
        this.connections = connections;
        this.shortReads = connections instanceof SpringConnectionProvider spring
                ? spring.readsOutsideTransactions() : connections;
        this.options = factory.options().withAutoCommit(false);
        this.translator = translator;
    }

    SessionFactory factory() {
        return factory;
    }

    QuarryExceptionTranslator translator() {
        return translator;
    }

    /** The session already bound to the current transaction, or {@code null}; never opens one. */
    StatementSession bound() {
        SessionHolder holder = (SessionHolder) TransactionSynchronizationManager.getResource(factory);
        return holder != null ? holder.session() : null;
    }

    /**
     * The session of the current transaction (or of the current synchronization scope, such as
     * PROPAGATION_SUPPORTS), opened and bound on first use; {@code null} when there is none.
     */
    StatementSession current() {
        StatementSession bound = bound();
        if (bound != null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return bound;
        }
        boolean transactional = TransactionSynchronizationManager.isActualTransactionActive();
        boolean readOnly = !transactional || TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        SessionTransaction opened = factory.openSession(connections,
                options.withReadOnly(readOnly || options.readOnly()).withAutoCommit(!transactional));
        SessionHolder holder;
        try {
            holder = new SessionHolder(opened);
        } catch (QuarryException e) {
            opened.session().close();
            throw translator.translate(e);
        }
        holder.setSynchronizedWithTransaction(true);
        TransactionSynchronizationManager.registerSynchronization(new SessionSynchronization(holder, factory, translator));
        TransactionSynchronizationManager.bindResource(factory, holder);
        return holder.session();
    }

    /**
     * A session of its own for one read outside any transaction: read-only, auto-commit, and without
     * an identity map, since it ends with the read.
     */
    SessionTransaction openShort() {
        return factory.openSession(shortReads, shortOptions());
    }

    private SessionOptions shortOptions() {
        return options.withReadOnly(true).withAutoCommit(true).withIdentityMap(false);
    }

    /** Runs a read on the transaction's session, or on a short session of its own. */
    <R> R read(Function<? super StatementSession, R> work) {
        StatementSession session = current();
        if (session != null) {
            return translated(session, work);
        }
        try (StatementSession own = openShort().session()) {
            return translated(own, work);
        }
    }

    /** Runs a write on the transaction's session; refused outside a read-write transaction. */
    <R> R write(String operation, Function<? super StatementSession, R> work) {
        checkWritable(operation);
        return translated(current(), work);
    }

    /** Refuses {@code operation} unless a read-write Spring transaction is active, saying what to do. */
    void checkWritable(String operation) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new InvalidDataAccessApiUsageException("Cannot " + operation + " outside a transaction: the shared "
                    + "Quarry Session writes only inside a Spring transaction, which flushes and commits the changes "
                    + "when it ends. Annotate the calling method with @Transactional (or run the work in a "
                    + "TransactionTemplate), or use a repository's save(...), which runs its own transaction");
        }
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly() || options.readOnly()) {
            throw new InvalidDataAccessApiUsageException("Cannot " + operation + " in a read-only transaction "
                    + "(@Transactional(readOnly = true)): its session takes no snapshots and never flushes. Run the "
                    + "write in a read-write transaction");
        }
    }

    /** The current transaction's session options, or those of a short session outside one. */
    SessionOptions currentOptions() {
        StatementSession session = bound();
        return session != null ? session.options() : shortOptions();
    }

    <R> R translated(StatementSession session, Function<? super StatementSession, R> work) {
        try {
            return work.apply(session);
        } catch (QuarryException e) {
            throw translator.translate(e);
        }
    }
}
