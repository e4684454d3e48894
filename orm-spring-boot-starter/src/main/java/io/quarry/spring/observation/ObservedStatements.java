package io.quarry.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.quarry.session.StatementObserver;

/**
 * Quarry's statement observer as Micrometer observations: one {@code quarry.statement} observation per
 * statement, started before it is prepared and stopped when it ended (with the error of a failure), child of
 * the observation current on the thread (a repository call's, a web request's). No scope is opened: the
 * statements of a relation load read while a query's rows are read stay siblings, children of the caller.
 * Thread-safe.
 */
final class ObservedStatements implements StatementObserver {

    private final ObservationRegistry registry;
    private final StatementObservationConvention convention;
    private final StatementObservationConvention defaults;

    ObservedStatements(ObservationRegistry registry, StatementObservationConvention convention,
            StatementObservationConvention defaults) {
        this.registry = registry;
        this.convention = convention;
        this.defaults = defaults;
    }

    @Override
    public Execution started(Statement statement) {
        StatementObservationContext context = new StatementObservationContext(statement);
        Observation observation = Observation.createNotStarted(convention, defaults, () -> context, registry).start();
        return new Execution() {
            @Override
            public void succeeded(long rows) {
                context.setRows(rows);
                observation.stop();
            }

            @Override
            public void failed(Throwable error) {
                observation.error(error);
                observation.stop();
            }
        };
    }
}
