package io.quarry.repository.support;

import java.lang.reflect.Method;

/**
 * Told when each call of a repository method starts and how it ended, around the call on the caller's
 * thread: the seam for timers and tracing spans (the Spring starter's Micrometer observations, the role of
 * Spring Data's {@code RepositoryMethodInvocationListener}), so that the statements a method runs can be
 * told apart by the method that ran them. Methods of {@code Object} ({@code toString}, {@code equals},
 * {@code hashCode}) are not observed. Registered with {@link RepositoryFactory#withObserver}; repositories
 * without one pay one null check per call. Implementations must be thread-safe and fast.
 */
@FunctionalInterface
public interface RepositoryObserver {

    /**
     * {@code method} of {@code repository} (the interface) is about to run; the returned invocation is told
     * exactly once how it ended. Arguments are not passed: they are values.
     */
    Invocation started(Class<?> repository, Method method);

    /** How one call ended: one per {@link #started} call, told once. */
    interface Invocation {

        /** The method returned (a stream: when it was returned, not when it was read). */
        void succeeded();

        /** The method threw {@code error} (as the caller sees it: translated to Spring's exceptions there). */
        void failed(Throwable error);
    }
}
