package io.quarry.session;

import io.quarry.SessionStateException;

/**
 * The {@link SessionTransaction} of a {@link DefaultSession}: what an integration that runs the
 * transaction itself (the Spring starter) tells the session. Not thread-safe (one per session).
 */
final class ExternalTransaction implements SessionTransaction {

    private final DefaultSession session;

    ExternalTransaction(DefaultSession session) {
        this.session = session;
    }

    @Override
    public StatementSession session() {
        return session;
    }

    @Override
    public void beforeCompletion() {
        session.beforeCompletion();
    }

    @Override
    public void afterCompletion(boolean committed) {
        session.afterCompletion(committed);
    }

    @Override
    public Object savepointSet() {
        return session.savepointSet();
    }

    @Override
    public void afterSavepointRollback(Object mark) {
        if (!(mark instanceof UnitOfWork.Mark known) || !session.work().isCurrent(known)) {
            throw new SessionStateException("Unknown savepoint mark " + mark + "; pass what savepointSet() returned in "
                    + "this transaction");
        }
        session.afterSavepointRollback(known);
    }

    @Override
    public String toString() {
        return "SessionTransaction[" + session + "]";
    }
}
