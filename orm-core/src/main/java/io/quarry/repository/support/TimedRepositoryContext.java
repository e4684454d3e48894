package io.quarry.repository.support;

import io.quarry.repository.RepositoryContext;
import io.quarry.session.StatementSession;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The context of the methods of a repository that carry a {@code @QueryTimeout}: the same sessions,
 * with that limit on every statement the method runs. Decided once, when the repository is built.
 */
final class TimedRepositoryContext implements RepositoryContext {

    private final RepositoryContext delegate;
    private final Duration limit;
    private final String source;

    TimedRepositoryContext(RepositoryContext delegate, int seconds, String source) {
        this.delegate = delegate;
        this.limit = Duration.ofSeconds(seconds);
        this.source = source;
    }

    @Override
    public StatementSession currentSession() {
        return delegate.currentSession();
    }

    @Override
    public <R> R inTransaction(Function<StatementSession, R> work) {
        return delegate.inTransaction(session -> session.withQueryTimeout(limit, source, () -> work.apply(session)));
    }

    @Override
    public <R> R read(Function<StatementSession, R> work) {
        return delegate.read(session -> session.withQueryTimeout(limit, source, () -> work.apply(session)));
    }

    @Override
    public <R> Stream<R> stream(Function<StatementSession, Stream<R>> work) {
        return delegate.stream(session -> session.withQueryTimeout(limit, source, () -> work.apply(session)));
    }
}
