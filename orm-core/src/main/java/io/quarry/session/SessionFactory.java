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
        return new DefaultSession(engine, engine.connections(), options);
    }

    /**
     * For integrations that hand sessions to repositories or run transactions themselves (the Spring
     * starter): a new session on connections from {@code provider} with {@code sessionOptions}, seen
     * from the side of whoever runs its transaction.
     */
    public SessionTransaction openSession(ConnectionProvider provider, SessionOptions sessionOptions) {
        return new ExternalTransaction(new DefaultSession(engine, provider, sessionOptions));
    }

    /** Runs {@code work} in a new session and commits; rolls back and rethrows if it fails. */
    public <R> R inTransaction(Function<Session, R> work) {
        try (DefaultSession session = new DefaultSession(engine, engine.connections(), options)) {
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
