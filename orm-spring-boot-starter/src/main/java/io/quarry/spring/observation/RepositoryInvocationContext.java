package io.quarry.spring.observation;

import io.micrometer.observation.Observation;
import java.lang.reflect.Method;

/**
 * The context of a {@code quarry.repository.invocations} observation: the repository interface and the
 * method called (never the arguments). One per call; not thread-safe, like any observation context.
 */
public class RepositoryInvocationContext extends Observation.Context {

    private final Class<?> repository;
    private final Method method;

    public RepositoryInvocationContext(Class<?> repository, Method method) {
        this.repository = repository;
        this.method = method;
    }

    /** The repository interface. */
    public Class<?> getRepository() {
        return repository;
    }

    /** The method called. */
    public Method getMethod() {
        return method;
    }
}
