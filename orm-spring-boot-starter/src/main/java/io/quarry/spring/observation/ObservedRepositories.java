package io.quarry.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.quarry.repository.support.RepositoryObserver;
import java.lang.reflect.Method;

/**
 * Quarry's repository observer as Micrometer observations: one {@code quarry.repository.invocations}
 * observation per call, in scope while the method runs, so the statements it runs are its children.
 * Thread-safe.
 */
final class ObservedRepositories implements RepositoryObserver {

    private final ObservationRegistry registry;
    private final RepositoryInvocationConvention convention;
    private final RepositoryInvocationConvention defaults;

    ObservedRepositories(ObservationRegistry registry, RepositoryInvocationConvention convention,
            RepositoryInvocationConvention defaults) {
        this.registry = registry;
        this.convention = convention;
        this.defaults = defaults;
    }

    @Override
    public Invocation started(Class<?> repository, Method method) {
        RepositoryInvocationContext context = new RepositoryInvocationContext(repository, method);
        Observation observation = Observation.createNotStarted(convention, defaults, () -> context, registry).start();
        Observation.Scope scope = observation.openScope();
        return new Invocation() {
            @Override
            public void succeeded() {
                scope.close();
                observation.stop();
            }

            @Override
            public void failed(Throwable error) {
                scope.close();
                observation.error(error);
                observation.stop();
            }
        };
    }
}
