package io.quarry;

import java.sql.SQLException;

/**
 * A statement ran longer than its time limit and the database cancelled it. Says which limit
 * fired: the query's own ({@code Query.timeout}), the session's, the engine's default, or what was
 * left of the surrounding transaction (Spring's {@code @Transactional(timeout = ...)}). Immutable
 * and thread-safe.
 */
public class QueryTimeoutException extends StatementException {

    private static final long serialVersionUID = 1L;

    private final String limit;

    public QueryTimeoutException(String task, String sql, SQLException cause, String limit) {
        super(task + " (cancelled: " + limit + ")", sql, cause);
        this.limit = limit;
    }

    /** Which time limit fired, e.g. {@code "the query timeout of 2 s"}. */
    public String getLimit() {
        return limit;
    }
}
