package io.quarry.repository;

import io.quarry.session.StatementSession;
import io.quarry.session.Session;
import io.quarry.session.SessionFactory;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where repositories get their sessions: the session of the caller's transaction when there is
 * one, otherwise a session of their own. The seam between repositories and whoever runs
 * transactions: {@link #of(SessionFactory)} for plain Java; the Spring starter implements it over
 * Spring's transactions. Implementations must be thread-safe.
 */
public interface RepositoryContext {

    /** A context over {@code sessionFactory}; {@link #inTransaction} binds its session to the calling thread. */
    static RepositoryContext of(SessionFactory sessionFactory) {
        return new SessionFactoryContext(sessionFactory, () -> null);
    }

    /**
     * A context whose current session comes from {@code currentSession} (null when the caller has no
     * transaction); sessions of its own come from {@code sessionFactory}.
     */
    static RepositoryContext of(SessionFactory sessionFactory, Supplier<? extends Session> currentSession) {
        return new SessionFactoryContext(sessionFactory, currentSession);
    }

    /** The session of the caller's current transaction, or {@code null} when there is none. */
    StatementSession currentSession();

    /**
     * Runs {@code work} in the current session; when there is none, in a new session whose
     * transaction commits when {@code work} returns and rolls back when it throws.
     */
    <R> R inTransaction(Function<StatementSession, R> work);

    /**
     * Runs a single-statement read in the current session; when there is none, in a new auto-commit
     * session (one round trip, no begin/commit), closed afterwards.
     */
    <R> R read(Function<StatementSession, R> work);

    /**
     * Opens a stream in the current session; when there is none, in a new auto-commit session that
     * closes with the stream.
     */
    <R> Stream<R> stream(Function<StatementSession, Stream<R>> work);
}
