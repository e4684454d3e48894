package io.quarry.bench.support;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Deletes what an insert call added, after each call and outside the measured time, so every call
 * inserts into the same table. Used only by the insert workloads: the operations it follows take
 * milliseconds, where JMH's per-invocation fixtures cost nothing measurable.
 */
@State(Scope.Thread)
public class InsertedRows {

    @TearDown(Level.Invocation)
    public void deleteInserted() {
        Fixture.current().dataset().deleteInsertedHosts();
    }
}
