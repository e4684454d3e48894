package io.quarry.bench.aggregate;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Deletes what a write call stored, after each call and outside the measured time. */
@State(Scope.Thread)
public class WrittenRows {

    @TearDown(Level.Invocation)
    public void deleteWritten() {
        AggregateFixture.start().deleteWritten();
    }
}
