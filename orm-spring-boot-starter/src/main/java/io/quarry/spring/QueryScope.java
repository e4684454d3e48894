package io.quarry.spring;

import io.quarry.QuarryException;
import io.quarry.session.SessionTransaction;
import io.quarry.session.StatementSession;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Where a query of the shared session runs its terminal methods: on the transaction's session, or
 * outside a transaction on a short session of its own that is closed when the terminal returns (or
 * when its stream closes), so that nothing read there can reach for a connection later: a
 * collection nobody loaded fails clearly instead of holding a pooled connection nobody gives back.
 * The first terminal runs on the session the query was built on, every later one on a new short
 * session with the query built again. Translates Quarry's exceptions. Not thread-safe.
 */
final class QueryScope {

    private final TransactionSessions sessions;
    /** The short session a query made outside a transaction was built on, else {@code null}. */
    private final SessionTransaction own;
    private boolean ownUsed;

    private QueryScope(TransactionSessions sessions, SessionTransaction own) {
        this.sessions = sessions;
        this.own = own;
    }

    /** Builds a query on the transaction's session, or on a short session outside one. */
    static <Q> Q open(TransactionSessions sessions,
            java.util.function.BiFunction<? super StatementSession, QueryScope, Q> build) {
        StatementSession current = sessions.current();
        SessionTransaction own = current != null ? null : sessions.openShort();
        StatementSession session = current != null ? current : own.session();
        QueryScope scope = new QueryScope(sessions, own);
        return sessions.translated(session, s -> build.apply(s, scope));
    }

    /**
     * The scope of work on the transaction's session ({@code own} null) or on a short session of its
     * own, closed when the work (or its stream) ends.
     */
    static QueryScope of(TransactionSessions sessions, SessionTransaction own) {
        return new QueryScope(sessions, own);
    }

    /** Builds a query (no SQL runs), translating mapping errors. */
    <Q> Q build(Supplier<Q> work) {
        try {
            return work.get();
        } catch (QuarryException e) {
            throw sessions.translator().translate(e);
        }
    }

    /**
     * Runs {@code terminal} on {@code built}, or outside a transaction on the query {@code recipe}
     * builds on a new short session when the first one was used already; a short session is closed after it.
     */
    <Q, R> R read(Q built, Function<? super StatementSession, Q> recipe, Function<Q, R> terminal) {
        SessionTransaction session = take();
        try {
            return terminal.apply(session == null || session == own ? built : recipe.apply(session.session()));
        } catch (QuarryException e) {
            throw sessions.translator().translate(e);
        } finally {
            close(session);
        }
    }

    <Q, R> R write(String operation, Q built, Function<? super StatementSession, Q> recipe, Function<Q, R> terminal) {
        if (own != null) {
            sessions.checkWritable(operation);
        }
        return read(built, recipe, terminal);
    }

    /** {@link #read} for a stream: the short session is closed when the stream closes. */
    <Q, T> Stream<T> stream(Q built, Function<? super StatementSession, Q> recipe, Function<Q, Stream<T>> terminal) {
        SessionTransaction session = take();
        return stream(session,
                () -> terminal.apply(session == null || session == own ? built : recipe.apply(session.session())));
    }

    /** A stream of work on this scope's session, which is closed when the stream closes. */
    <T> Stream<T> stream(Supplier<Stream<T>> work) {
        return stream(take(), work);
    }

    /**
     * A stream whose failures are translated and whose closing closes {@code session} (a short
     * session, or {@code null} inside a transaction).
     */
    private <T> Stream<T> stream(SessionTransaction session, Supplier<Stream<T>> work) {
        Stream<T> stream;
        try {
            stream = work.get();
        } catch (QuarryException e) {
            close(session);
            throw sessions.translator().translate(e);
        } catch (RuntimeException e) {
            close(session);
            throw e;
        }
        return StreamSupport.stream(new Translating<>(stream.spliterator(), sessions.translator()), false)
                .onClose(() -> {
                    try {
                        stream.close();
                    } catch (QuarryException e) {
                        throw sessions.translator().translate(e);
                    } finally {
                        close(session);
                    }
                });
    }

    /** The short session for the next terminal: the one built on, then new ones; {@code null} inside a transaction. */
    private SessionTransaction take() {
        if (own == null) {
            return null;
        }
        if (!ownUsed) {
            ownUsed = true;
            return own;
        }
        return sessions.openShort();
    }

    private void close(SessionTransaction session) {
        if (session != null) {
            try {
                session.session().close();
            } catch (QuarryException e) {
                throw sessions.translator().translate(e);
            }
        }
    }

    /** Translates the failures of a result stream as it is read. */
    private static final class Translating<T> implements Spliterator<T> {

        private final Spliterator<T> rows;
        private final QuarryExceptionTranslator translator;

        Translating(Spliterator<T> rows, QuarryExceptionTranslator translator) {
            this.rows = rows;
            this.translator = translator;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            try {
                return rows.tryAdvance(action);
            } catch (QuarryException e) {
                throw translator.translate(e);
            }
        }

        @Override
        public Spliterator<T> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return rows.estimateSize();
        }

        @Override
        public int characteristics() {
            return rows.characteristics();
        }
    }
}
