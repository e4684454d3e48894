package io.quarry.spring.observation;

import io.micrometer.observation.Observation;
import io.quarry.session.StatementObserver;

/**
 * The context of a {@code quarry.statement} observation: the statement about to run (its kind, task and SQL
 * text; never bound values) and, once it ended, the rows it changed or read. One per statement; not
 * thread-safe, like any observation context.
 */
public class StatementObservationContext extends Observation.Context {

    private final StatementObserver.Statement statement;
    private long rows = -1;

    public StatementObservationContext(StatementObserver.Statement statement) {
        this.statement = statement;
    }

    /** The statement: kind, task, SQL text with {@code ?} placeholders, parameter sets. */
    public StatementObserver.Statement getStatement() {
        return statement;
    }

    /** The rows the statement changed or read once it succeeded; -1 while it runs, after a failure, or when unknown. */
    public long getRows() {
        return rows;
    }

    void setRows(long rows) {
        this.rows = rows;
    }
}
