package io.quarry.spring.boot;

import io.quarry.QuarryException;

/**
 * Quarry cannot work with the application's DataSource: it cannot connect to it (server down,
 * unknown database, wrong login), or the database is not one Quarry supports. Raised at start-up
 * and reported by {@link UnusableDatabaseFailureAnalyzer}. Immutable and thread-safe.
 */
public class UnusableDatabaseException extends QuarryException {

    private static final long serialVersionUID = 1L;

    private final String dataSource;
    private final boolean unreachable;

    UnusableDatabaseException(String message, String dataSource, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.dataSource = dataSource;
        this.unreachable = unreachable;
    }

    /** The DataSource as it describes itself (its URL, where known). */
    public String getDataSource() {
        return dataSource;
    }

    /** {@code true} when no connection could be opened, {@code false} for an unsupported database. */
    public boolean isUnreachable() {
        return unreachable;
    }
}
