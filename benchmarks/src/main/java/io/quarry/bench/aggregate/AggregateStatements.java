package io.quarry.bench.aggregate;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Carries the statement counts of an aggregate workload, taken once per fork in the contender's setup
 * ({@link AggregateCheck}), into JMH's results: {@code statements} for one call at the measured size and
 * {@code statementsSmall} for one call at a tenth of it (a count that grows with N shows there).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class AggregateStatements {

    private static volatile long atSize = -1;
    private static volatile long atTenth = -1;

    static void record(long small, long full) {
        atTenth = small;
        atSize = full;
    }

    /** Statements of one call at the measured size, or -1 when not counted. */
    public double statements() {
        return atSize;
    }

    /** Statements of one call at a tenth of the measured size, or -1 when not counted. */
    public double statementsSmall() {
        return atTenth;
    }
}
