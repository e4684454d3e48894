package io.quarry.repository;

import io.quarry.session.Session;
import io.quarry.session.SessionFactory;
import io.quarry.session.SessionOptions;
import io.quarry.session.StatementSession;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The plain-Java {@link RepositoryContext}: the current session is the one {@link #inTransaction}
 * bound to this thread, else the one an outer supplier names; otherwise sessions are opened from a
 * {@link SessionFactory}, auto-commit, read-only and without an identity map for reads (the session
 * ends with the call, so nothing could be found in it again). Thread-safe.
 */
final class SessionFactoryContext implements RepositoryContext {

    private final SessionFactory sessions;
    private final SessionOptions readOptions;
    private final Supplier<? extends Session> outer;
    private final ThreadLocal<StatementSession> bound = new ThreadLocal<>();

    SessionFactoryContext(SessionFactory sessions, Supplier<? extends Session> outer) {
        this.sessions = sessions;
        this.readOptions = sessions.options().withAutoCommit(true).withReadOnly(true).withIdentityMap(false);
        this.outer = outer;
    }

    @Override
    public StatementSession currentSession() {
        StatementSession session = bound.get();
        if (session != null) {
            return session;
        }
        Session current = outer.get();
        if (current == null || current instanceof StatementSession) {
            return (StatementSession) current;
        }
        throw new IllegalStateException("The current session " + current + " cannot run repository statements; hand "
                + "the repositories a session opened by an Engine or a SessionFactory");
    }

    @Override
    public <R> R inTransaction(Function<StatementSession, R> work) {
        StatementSession current = currentSession();
        if (current != null) {
            return work.apply(current);
        }
        try (StatementSession session = open(sessions.options())) {
            bound.set(session);
            try {
                R result = work.apply(session);
                session.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(session, e);
                throw e;
            } finally {
                bound.remove();
            }
        }
    }

    @Override
    public <R> R read(Function<StatementSession, R> work) {
        StatementSession current = currentSession();
        if (current != null) {
            return work.apply(current);
        }
        try (StatementSession session = open(readOptions)) {
            return work.apply(session);
        }
    }

    @Override
    public <R> Stream<R> stream(Function<StatementSession, Stream<R>> work) {
        StatementSession current = currentSession();
        if (current != null) {
            return work.apply(current);
        }
        StatementSession session = open(readOptions);
        try {
            return work.apply(session).onClose(session::close);
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
    }

    private StatementSession open(SessionOptions options) {
        return sessions.openSession(sessions.engine().connections(), options).session();
    }

    private static void rollbackQuietly(Session session, Throwable cause) {
        try {
            session.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "SessionFactoryContext[" + sessions.engine() + "]";
    }
}
