package io.quarry.repository.support;

import io.quarry.repository.AfterDomainEventPublication;
import io.quarry.repository.DomainEvents;
import io.quarry.repository.RepositoryContext;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.MethodHandler;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Publishes the {@link DomainEvents} of the entities a repository's save and delete methods are given,
 * as Spring Data's {@code EventPublishingRepositoryProxyPostProcessor} does: after the method wrote
 * them and inside its transaction (so a listener bound to the transaction's commit sees it commit, and
 * one that throws rolls it back), per entity its events in order, then its
 * {@link AfterDomainEventPublication} method. Arguments that are not of the entity class are skipped.
 * The methods are found once per entity class, from the class up; none found means no wrapping.
 * Immutable and thread-safe.
 */
final class DomainEventPublication {

    /** The CRUD methods that publish, by name, each taking the entity or an Iterable of entities. */
    private static final Set<String> PUBLISHING = Set.of("save", "saveAll", "insert", "insertAll", "delete", "deleteAll");

    private final Class<?> entity;
    private final MethodHandle events;
    private final MethodHandle clear;
    private final Consumer<Object> publisher;
    private final RepositoryContext context;

    private DomainEventPublication(Class<?> entity, MethodHandle events, MethodHandle clear, Consumer<Object> publisher,
            RepositoryContext context) {
        this.entity = entity;
        this.events = events;
        this.clear = clear;
        this.publisher = publisher;
        this.context = context;
    }

    /** The publication of {@code entity}'s events to {@code publisher}; null when either is missing. */
    static DomainEventPublication of(Class<?> entity, Consumer<Object> publisher, RepositoryContext context) {
        if (publisher == null) {
            return null;
        }
        Method events = find(entity, DomainEvents.class);
        if (events == null) {
            return null;
        }
        Method clear = find(entity, AfterDomainEventPublication.class);
        return new DomainEventPublication(entity, handle(events), clear == null ? null : handle(clear), publisher,
                context);
    }

    /** {@code handler}, publishing after it when {@code method} is a save or delete of entities. */
    MethodHandler wrap(Method method, MethodHandler handler) {
        if (method.getParameterCount() != 1 || !PUBLISHING.contains(method.getName())) {
            return handler;
        }
        return new MethodHandler() {
            @Override
            public Object invoke(Object proxy, Object[] args) {
                return context.inTransaction(session -> {
                    Object result = invokeUnchecked(handler, proxy, args);
                    publishFrom(args[0]);
                    return result;
                });
            }

            @Override
            public List<String> sql() {
                return handler.sql();
            }
        };
    }

    private void publishFrom(Object argument) {
        if (argument instanceof Iterable<?> entities) {
            for (Object each : entities) {
                publishEventsOf(each);
            }
        } else {
            publishEventsOf(argument);
        }
    }

    private void publishEventsOf(Object aggregate) {
        if (!entity.isInstance(aggregate)) {
            return;
        }
        Object published = call(events, aggregate);
        if (published instanceof Collection<?> collection) {
            collection.forEach(publisher);
        } else if (published != null) {
            publisher.accept(published);
        }
        if (clear != null) {
            call(clear, aggregate);
        }
    }

    private static Object call(MethodHandle method, Object aggregate) {
        try {
            return method.invoke(aggregate);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invokeUnchecked(MethodHandler handler, Object proxy, Object[] args) {
        try {
            return handler.invoke(proxy, args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first method with {@code annotation}, from {@code type} up its superclasses. */
    private static Method find(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(annotation) || method.isBridge()) {
                    continue;
                }
                if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())) {
                    throw new InvalidQueryMethodException("@" + annotation.getSimpleName() + " method "
                            + c.getSimpleName() + "." + method.getName() + " must be an instance method without "
                            + "parameters");
                }
                return method;
            }
        }
        return null;
    }

    private static MethodHandle handle(Method method) {
        try {
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method).asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new InvalidQueryMethodException("cannot call " + method.getDeclaringClass().getSimpleName() + "."
                    + method.getName() + " to publish domain events: " + e.getMessage() + "; open the entity's package "
                    + "to Quarry");
        }
    }
}
