package io.quarry.spring;

import io.quarry.QuarryException;
import io.quarry.session.SessionTransaction;
import io.quarry.session.StatementSession;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Where a query of the shared session runs its terminal methods: on the transaction's session, or
 * outside a transaction on a short session of its own, whose connection is given back after each
 * execution (or when a stream closes). Translates Quarry's exceptions. Immutable; not thread-safe
 * beyond what its session allows.
 */
final class QueryScope {

    private final TransactionSessions sessions;
    /** The short session of a query made outside a transaction, else {@code null}. */
    private final SessionTransaction own;

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
     * own, given back when the work (or its stream) ends.
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

    <R> R read(Supplier<R> work) {
        try {
            return work.get();
        } catch (QuarryException e) {
            throw sessions.translator().translate(e);
        } finally {
            release();
        }
    }

    <R> R write(String operation, Supplier<R> work) {
        if (own != null) {
            sessions.checkWritable(operation);
        }
        return read(work);
    }

    /** A stream whose failures are translated and whose closing gives the short session's connection back. */
    <T> Stream<T> stream(Supplier<Stream<T>> work) {
        Stream<T> stream;
        try {
            stream = work.get();
        } catch (QuarryException e) {
            release();
            throw sessions.translator().translate(e);
        }
        return StreamSupport.stream(new Translating<>(stream.spliterator(), sessions.translator()), false)
                .onClose(() -> {
                    try {
                        stream.close();
                    } catch (QuarryException e) {
                        throw sessions.translator().translate(e);
                    } finally {
                        release();
                    }
                });
    }

    private void release() {
        if (own != null) {
            // an auto-commit statement is a transaction of its own, over when it returns
            own.afterCompletion(true);
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
