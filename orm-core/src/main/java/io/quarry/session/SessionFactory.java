package io.quarry.session;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Opens sessions with fixed options, like SQLAlchemy's sessionmaker. Thread-safe; share one.
 */
public final class SessionFactory {

    private final Engine engine;
    private final SessionOptions options;

    SessionFactory(Engine engine, SessionOptions options) {
        this.engine = engine;
        this.options = options;
    }

    public Engine engine() {
        return engine;
    }

    public SessionOptions options() {
        return options;
    }

    /** A factory whose sessions use {@code value}. */
    public SessionFactory withOptions(SessionOptions value) {
        return new SessionFactory(engine, value);
    }

    /** A new session; close it (try-with-resources). */
    public Session openSession() {
        return new Session(engine, engine.connections(), options);
    }

    /** A new session on connections from {@code provider} (the Spring starter's transaction-bound ones). */
    public Session openSession(ConnectionProvider provider, SessionOptions sessionOptions) {
        return new Session(engine, provider, sessionOptions);
    }

    /** Runs {@code work} in a new session and commits; rolls back and rethrows if it fails. */
    public <R> R inTransaction(Function<Session, R> work) {
        try (Session session = openSession()) {
            try {
                R result = work.apply(session);
                session.commit();
                return result;
            } catch (RuntimeException | Error e) {
                session.rollbackQuietly(e);
                throw e;
            }
        }
    }

    /** Runs {@code work} in a new session and commits; rolls back and rethrows if it fails. */
    public void inTransaction(Consumer<Session> work) {
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }
}
