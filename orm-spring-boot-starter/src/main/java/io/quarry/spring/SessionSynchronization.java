package io.quarry.spring;

import io.quarry.QuarryException;
import io.quarry.session.SessionFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ties a {@link SessionHolder} to the Spring transaction it was opened in: unbinds and rebinds it
 * when the transaction is suspended and resumed (REQUIRES_NEW), flushes the session before commit,
 * follows savepoints (NESTED), and after completion settles object states, gives the connection
 * back and discards the session. Runs before the JDBC connection's own synchronization, as
 * Spring's JPA support does. Not thread-safe (it belongs to one transaction).
 */
final class SessionSynchronization implements TransactionSynchronization {

    /** Before DataSourceUtils' connection synchronization, so the session is done with the connection first. */
    static final int ORDER = DataSourceUtils.CONNECTION_SYNCHRONIZATION_ORDER - 100;

    private final SessionHolder holder;
    private final SessionFactory key;
    private final QuarryExceptionTranslator translator;
    private boolean bound = true;

    SessionSynchronization(SessionHolder holder, SessionFactory key, QuarryExceptionTranslator translator) {
        this.holder = holder;
        this.key = key;
        this.translator = translator;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void suspend() {
        if (bound) {
            TransactionSynchronizationManager.unbindResource(key);
            bound = false;
        }
    }

    @Override
    public void resume() {
        if (!bound) {
            TransactionSynchronizationManager.bindResource(key, holder);
            bound = true;
        }
    }

    @Override
    public void flush() {
        run(holder.session()::flush);
    }

    @Override
    public void savepoint(Object savepoint) {
        holder.savepointSet(savepoint, call(holder.transaction()::savepointSet));
    }

    @Override
    public void savepointRollback(Object savepoint) {
        Object mark = holder.markOf(savepoint);
        run(() -> holder.transaction().afterSavepointRollback(mark));
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        run(holder.transaction()::beforeCompletion);
        if (!readOnly) {
            run(holder.session()::flush);
        }
    }

    @Override
    public void beforeCompletion() {
        try {
            run(holder.transaction()::beforeCompletion);
        } finally {
            // unbind now, so that code running in afterCompletion callbacks gets a session of its own
            if (bound) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
                bound = false;
            }
        }
    }

    @Override
    public void afterCompletion(int status) {
        try {
            holder.transaction().afterCompletion(status == STATUS_COMMITTED);
        } finally {
            holder.session().close();
        }
    }

    private void run(Runnable work) {
        try {
            work.run();
        } catch (QuarryException e) {
            throw translator.translate(e);
        }
    }

    private <R> R call(java.util.function.Supplier<R> work) {
        try {
            return work.get();
        } catch (QuarryException e) {
            throw translator.translate(e);
        }
    }
}
