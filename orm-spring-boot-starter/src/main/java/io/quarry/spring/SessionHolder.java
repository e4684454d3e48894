package io.quarry.spring;

import io.quarry.session.SessionTransaction;
import io.quarry.session.StatementSession;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.transaction.support.ResourceHolderSupport;

/**
 * The Quarry session of one Spring transaction, bound to the thread with
 * {@link org.springframework.transaction.support.TransactionSynchronizationManager} under its
 * {@link io.quarry.session.SessionFactory}, as {@code ConnectionHolder} is under its DataSource.
 * Also remembers the session's marks of the savepoints set in the transaction. Not thread-safe
 * (it belongs to one transaction).
 */
final class SessionHolder extends ResourceHolderSupport {

    private final SessionTransaction transaction;
    private final Object openedMark;
    private final Map<Object, Object> savepointMarks = new IdentityHashMap<>();

    /** Binds a session that has done nothing yet; remembers that point as the mark of older savepoints. */
    SessionHolder(SessionTransaction transaction) {
        this.transaction = transaction;
        this.openedMark = transaction.savepointSet();
    }

    StatementSession session() {
        return transaction.session();
    }

    /** The transaction side of the session: completion and savepoints. */
    SessionTransaction transaction() {
        return transaction;
    }

    void savepointSet(Object savepoint, Object mark) {
        savepointMarks.put(savepoint, mark);
    }

    /** The session's mark of {@code savepoint}; for a savepoint set before the session was opened, its opening. */
    Object markOf(Object savepoint) {
        Object mark = savepointMarks.remove(savepoint);
        return mark != null ? mark : openedMark;
    }
}
