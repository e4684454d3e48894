package io.quarry.repository.support;

import io.quarry.repository.Query;
import io.quarry.repository.QueryCreationException;
import io.quarry.repository.RepositoryContext;
import io.quarry.repository.query.MethodHandler;
import io.quarry.session.Engine;
import io.quarry.session.SessionFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Implements repository interfaces with JDK proxies. Every method is resolved and its SQL rendered
 * when {@link #create} runs, so a mistake fails there, naming interface and method; a call then
 * only looks its handler up. Plain Java: {@code RepositoryFactory.of(sessionFactory).create(HostRepository.class)};
 * the Spring starter passes its own {@link RepositoryContext}. Thread-safe; the proxies too.
 */
public final class RepositoryFactory {

    private final Engine engine;
    private final RepositoryContext context;
    private final UnaryOperator<RuntimeException> exceptionTranslator;
    private final RepositoryObserver observer;
    private final Consumer<Object> domainEvents;

    /** A factory whose repositories get sessions from {@code context}; {@code engine} supplies models and dialect. */
    public RepositoryFactory(Engine engine, RepositoryContext context) {
        this(engine, context, UnaryOperator.identity());
    }

    /**
     * A factory whose repositories pass every exception they throw through {@code exceptionTranslator}
     * (the Spring starter turns Quarry's exceptions into Spring's {@code DataAccessException}s).
     */
    public RepositoryFactory(Engine engine, RepositoryContext context, UnaryOperator<RuntimeException> exceptionTranslator) {
        this(engine, context, exceptionTranslator, null, null);
    }

    private RepositoryFactory(Engine engine, RepositoryContext context,
            UnaryOperator<RuntimeException> exceptionTranslator, RepositoryObserver observer,
            Consumer<Object> domainEvents) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.context = Objects.requireNonNull(context, "context");
        this.exceptionTranslator = Objects.requireNonNull(exceptionTranslator, "exceptionTranslator");
        this.observer = observer;
        this.domainEvents = domainEvents;
    }

    /** This factory, whose repositories tell {@code observer} (null: none) around every call of their methods. */
    public RepositoryFactory withObserver(RepositoryObserver observer) {
        return new RepositoryFactory(engine, context, exceptionTranslator, observer, domainEvents);
    }

    /**
     * This factory, whose repositories hand the {@link io.quarry.repository.DomainEvents} of the entities
     * they save and delete to {@code publisher} (null: none), inside the write's transaction, then clear
     * them. The Spring starter passes its {@code ApplicationEventPublisher}.
     */
    public RepositoryFactory withDomainEvents(Consumer<Object> publisher) {
        return new RepositoryFactory(engine, context, exceptionTranslator, observer, publisher);
    }

    /** A factory over {@code sessionFactory} with {@link RepositoryContext#of(SessionFactory)}. */
    public static RepositoryFactory of(SessionFactory sessionFactory) {
        return new RepositoryFactory(sessionFactory.engine(), RepositoryContext.of(sessionFactory));
    }

    public Engine engine() {
        return engine;
    }

    /** Where the repositories get their sessions; its {@code inTransaction} groups repository calls in one transaction. */
    public RepositoryContext context() {
        return context;
    }

    /**
     * A proxy implementing {@code repositoryInterface}. Methods implemented by one of
     * {@code fragments} (objects with a public method of the same name and parameter types) call
     * it and are never parsed; default methods run as written; the rest are CRUD methods,
     * {@link Query} SQL or derived queries. Throws {@link QueryCreationException} listing every
     * method that cannot be implemented.
     */
    public <R> R create(Class<R> repositoryInterface, Object... fragments) {
        if (!repositoryInterface.isInterface()) {
            throw new QueryCreationException("Cannot create repository " + repositoryInterface.getName()
                    + ": it is a class; declare an interface extending Repository<T, ID> or CrudRepository<T, ID>");
        }
        RepositoryBuilder builder = new RepositoryBuilder(engine, context, repositoryInterface, Arrays.asList(fragments),
                domainEvents);
        Map<Method, MethodHandler> handlers = builder.build();
        Object proxy = Proxy.newProxyInstance(repositoryInterface.getClassLoader(), new Class<?>[] {repositoryInterface},
                new RepositoryInvocationHandler(repositoryInterface, builder.entity(), handlers, exceptionTranslator,
                        observer));
        return repositoryInterface.cast(proxy);
    }

    /**
     * What {@code repository}, a proxy {@link #create} made, does: its entity, and per method how it is
     * implemented and the SQL it runs; null for any other object.
     */
    public static RepositoryDescription describe(Object repository) {
        if (repository != null && Proxy.isProxyClass(repository.getClass())
                && Proxy.getInvocationHandler(repository) instanceof RepositoryInvocationHandler handler) {
            return handler.describe();
        }
        return null;
    }

    @Override
    public String toString() {
        return "RepositoryFactory[" + engine + ", " + context + "]";
    }
}
