package io.quarry.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A base class for entities that register domain events, published by the repository that saves or
 * deletes them ({@link DomainEvents}), then cleared: Spring Data's
 * {@code org.springframework.data.domain.AbstractAggregateRoot}. The events are held in a transient
 * field, which is never mapped. Not thread-safe, as the entity it is part of.
 *
 * @param <A> the entity class itself, returned by {@link #andEvent} for chaining
 */
public abstract class AbstractAggregateRoot<A extends AbstractAggregateRoot<A>> {

    private transient List<Object> domainEvents;

    /** Registers {@code event} to be published when a repository saves or deletes this entity; returns the event. */
    protected <T> T registerEvent(T event) {
        Objects.requireNonNull(event, "a domain event must not be null");
        if (domainEvents == null) {
            domainEvents = new ArrayList<>();
        }
        domainEvents.add(event);
        return event;
    }

    /** Drops the registered events; a repository calls it once they are published. */
    @AfterDomainEventPublication
    protected void clearDomainEvents() {
        if (domainEvents != null) {
            domainEvents.clear();
        }
    }

    /** The registered events, unmodifiable. */
    @DomainEvents
    protected Collection<Object> domainEvents() {
        return domainEvents == null ? List.of() : Collections.unmodifiableList(domainEvents);
    }

    /** Takes over the events {@code aggregate} registered (and leaves them there); returns this entity. */
    protected final A andEventsFrom(A aggregate) {
        Objects.requireNonNull(aggregate, "aggregate");
        for (Object event : aggregate.domainEvents()) {
            registerEvent(event);
        }
        return self();
    }

    /** Registers {@code event}; returns this entity. */
    protected final A andEvent(Object event) {
        registerEvent(event);
        return self();
    }

    @SuppressWarnings("unchecked")
    private A self() {
        return (A) this;
    }
}
