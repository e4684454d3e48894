package io.quarry.session;

import java.util.List;

/** Puts an engine's statement observers together: none is null, one is itself, several are told in order. */
final class StatementObservers implements StatementObserver {

    private final StatementObserver[] observers;

    private StatementObservers(List<StatementObserver> observers) {
        this.observers = observers.toArray(StatementObserver[]::new);
    }

    static StatementObserver of(List<StatementObserver> observers) {
        return switch (observers.size()) {
            case 0 -> null;
            case 1 -> observers.get(0);
            default -> new StatementObservers(observers);
        };
    }

    @Override
    public Execution started(Statement statement) {
        Execution[] executions = new Execution[observers.length];
        for (int i = 0; i < observers.length; i++) {
            executions[i] = observers[i].started(statement);
        }
        return new Execution() {
            @Override
            public void succeeded(long rows) {
                for (Execution execution : executions) {
                    execution.succeeded(rows);
                }
            }

            @Override
            public void failed(Throwable error) {
                for (Execution execution : executions) {
                    execution.failed(error);
                }
            }
        };
    }
}
