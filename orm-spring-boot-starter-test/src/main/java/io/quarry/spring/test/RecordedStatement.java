package io.quarry.spring.test;

import java.util.Locale;

/**
 * One statement Quarry ran: its SQL text with {@code ?} placeholders (never the values bound to them)
 * and how many parameter sets it sent, more than one for a JDBC batch. Immutable.
 *
 * @param sql the SQL text as sent, with {@code ?} placeholders
 * @param batchSize how many parameter sets were sent with it: the rows of a batched insert, update or
 *        delete; 1 for a plain statement
 */
public record RecordedStatement(String sql, int batchSize) {

    /** What a statement does, told by its first keyword. */
    public enum Kind {
        SELECT, INSERT, UPDATE, DELETE,
        /** Anything else: DDL, H2's {@code merge} upsert, {@code set}, a {@code with} query. */
        OTHER
    }

    public RecordedStatement {
        if (sql == null) {
            throw new IllegalArgumentException("A recorded statement needs its SQL text");
        }
    }

    /** The statement's kind, from its first keyword (leading blanks and parentheses skipped). */
    public Kind kind() {
        int start = 0;
        while (start < sql.length() && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return switch (sql.substring(start, end).toLowerCase(Locale.ROOT)) {
            case "select" -> Kind.SELECT;
            case "insert" -> Kind.INSERT;
            case "update" -> Kind.UPDATE;
            case "delete" -> Kind.DELETE;
            default -> Kind.OTHER;
        };
    }

    @Override
    public String toString() {
        return batchSize > 1 ? sql + " [batch of " + batchSize + "]" : sql;
    }
}
