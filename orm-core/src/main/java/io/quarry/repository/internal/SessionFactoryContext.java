package io.quarry.repository.internal;

import io.quarry.repository.RepositoryContext;
import io.quarry.session.Session;
import io.quarry.session.SessionFactory;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The plain-Java {@link RepositoryContext}: the current session is the one {@link #inTransaction}
 * bound to this thread, else the one an outer supplier names; otherwise sessions are opened from a
 * {@link SessionFactory}, auto-commit, read-only and without an identity map for reads (the session
 * ends with the call, so nothing could be found in it again). Thread-safe.
 */
public final class SessionFactoryContext implements RepositoryContext {

    private final SessionFactory sessions;
    private final SessionFactory readSessions;
    private final Supplier<Session> outer;
    private final ThreadLocal<Session> bound = new ThreadLocal<>();

    public SessionFactoryContext(SessionFactory sessions, Supplier<Session> outer) {
        this.sessions = sessions;
        this.readSessions = sessions.withOptions(sessions.options().withAutoCommit(true).withReadOnly(true)
                .withIdentityMap(false));
        this.outer = outer;
    }

    @Override
    public Session currentSession() {
        Session session = bound.get();
        return session != null ? session : outer.get();
    }

    @Override
    public <R> R inTransaction(Function<Session, R> work) {
        Session current = currentSession();
        if (current != null) {
            return work.apply(current);
        }
        return sessions.inTransaction(session -> {
            bound.set(session);
            try {
                return work.apply(session);
            } finally {
                bound.remove();
            }
        });
    }

    @Override
    public <R> R read(Function<Session, R> work) {
        Session current = currentSession();
        if (current != null) {
            return work.apply(current);
        }
        try (Session session = readSessions.openSession()) {
            return work.apply(session);
        }
    }

    @Override
    public <R> Stream<R> stream(Function<Session, Stream<R>> work) {
        Session current = currentSession();
        if (current != null) {
            return work.apply(current);
        }
        Session session = readSessions.openSession();
        try {
            return work.apply(session).onClose(session::close);
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "SessionFactoryContext[" + sessions.engine() + "]";
    }
}
