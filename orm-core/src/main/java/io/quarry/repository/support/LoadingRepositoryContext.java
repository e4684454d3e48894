package io.quarry.repository.support;

import io.quarry.mapping.EntityModel;
import io.quarry.repository.RepositoryContext;
import io.quarry.session.FetchPlan;
import io.quarry.session.StatementSession;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The context of a repository method with {@code @LoadWith}: the same sessions, with the method's
 * fetch plan on every read of the repository's entity. Decided once, when the repository is built.
 */
final class LoadingRepositoryContext implements RepositoryContext {

    private final RepositoryContext delegate;
    private final EntityModel<?> root;
    private final FetchPlan plan;

    LoadingRepositoryContext(RepositoryContext delegate, EntityModel<?> root, FetchPlan plan) {
        this.delegate = delegate;
        this.root = root;
        this.plan = plan;
    }

    @Override
    public StatementSession currentSession() {
        return delegate.currentSession();
    }

    @Override
    public <R> R inTransaction(Function<StatementSession, R> work) {
        return delegate.inTransaction(session -> session.withFetchPlan(root, plan, () -> work.apply(session)));
    }

    @Override
    public <R> R read(Function<StatementSession, R> work) {
        return delegate.read(session -> session.withFetchPlan(root, plan, () -> work.apply(session)));
    }

    @Override
    public <R> Stream<R> stream(Function<StatementSession, Stream<R>> work) {
        return delegate.stream(session -> session.withFetchPlan(root, plan, () -> work.apply(session)));
    }
}
