package io.quarry;

import java.sql.SQLException;

/**
 * A statement failed in the database. Carries the task, the SQL (length-limited) and the
 * driver's {@link SQLException}; bound values are never part of the message. Immutable and
 * thread-safe.
 */
public class StatementException extends QuarryException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SQL_IN_MESSAGE = 1000;

    private final String task;
    private final String sql;

    public StatementException(String task, String sql, SQLException cause) {
        super(message(task, sql, cause), cause);
        this.task = task;
        this.sql = sql;
    }

    /** What Quarry was doing, e.g. {@code flush} or {@code query Host}. */
    public String getTask() {
        return task;
    }

    /** The SQL that failed, in full; {@code null} when the failure was not tied to one statement. */
    public String getSql() {
        return sql;
    }

    /** The driver's exception. */
    public SQLException getSQLException() {
        return (SQLException) getCause();
    }

    private static String message(String task, String sql, SQLException cause) {
        StringBuilder message = new StringBuilder(task);
        if (sql != null) {
            String shown = sql.length() > MAX_SQL_IN_MESSAGE ? sql.substring(0, MAX_SQL_IN_MESSAGE) + "..." : sql;
            message.append("; SQL [").append(shown).append(']');
        }
        message.append("; ").append(cause.getMessage());
        if (cause.getSQLState() != null) {
            message.append(" [SQLState ").append(cause.getSQLState()).append(", error ").append(cause.getErrorCode()).append(']');
        }
        return message.toString();
    }
}
