package io.quarry.sql;

import io.quarry.QuarryException;
import io.quarry.dialect.LexicalRule;
import java.util.List;
import java.util.Set;

/**
 * The shape of a statement: its SQL text with every {@code in (?, ?, ...)} list of parameters written
 * {@code in (...)}, so that the same query over key lists of different sizes has one shape. Values are
 * always bound, so apart from those lists the text already is the shape. Only code is rewritten:
 * string literals, quoted identifiers and comments (found by {@link SqlLexer} with the dialect's
 * rules) stay as they are. Stateless; thread-safe.
 */
public final class SqlShape {

    /** What an IN list of parameters is written as in a shape. */
    public static final String ANY_PARAMETERS = "(...)";

    private SqlShape() {
    }

    /** The shape of {@code sql}; the same instance when it has no IN list of parameters. */
    public static String of(String sql, Set<LexicalRule> rules) {
        if (sql.indexOf('?') < 0) {
            return sql;
        }
        List<SqlLexer.Span> spans;
        try {
            spans = SqlLexer.split(sql, rules);
        } catch (QuarryException e) {
            // text the lexer cannot read was never sent by Quarry's own rendering; its text is its shape
            return sql;
        }
        StringBuilder shape = new StringBuilder(sql.length());
        boolean rewritten = false;
        for (SqlLexer.Span span : spans) {
            if (span.kind() == SqlLexer.Kind.CODE) {
                rewritten |= appendCode(shape, sql, span.start(), span.end());
            } else {
                shape.append(sql, span.start(), span.end());
            }
        }
        return rewritten ? shape.toString() : sql;
    }

    /** Appends {@code sql[start, end)}, writing each {@code in (?, ...)} as {@code in (...)}; true if it did. */
    private static boolean appendCode(StringBuilder shape, String sql, int start, int end) {
        int copied = start;
        for (int i = start; i + 1 < end; i++) {
            if (!isInKeyword(sql, i, start, end)) {
                continue;
            }
            int open = skipBlanks(sql, i + 2, end);
            int close = open < end && sql.charAt(open) == '(' ? parameterListEnd(sql, open + 1, end) : -1;
            if (close < 0) {
                continue;
            }
            shape.append(sql, copied, i + 2).append(' ').append(ANY_PARAMETERS);
            copied = close + 1;
            i = close;
        }
        shape.append(sql, copied, end);
        return copied > start;
    }

    /** Whether the word {@code in} (any case) stands alone at {@code i}. */
    private static boolean isInKeyword(String sql, int i, int start, int end) {
        return (sql.charAt(i) == 'i' || sql.charAt(i) == 'I') && (sql.charAt(i + 1) == 'n' || sql.charAt(i + 1) == 'N')
                && (i == start || !isWordChar(sql.charAt(i - 1)))
                && (i + 2 == end || !isWordChar(sql.charAt(i + 2)));
    }

    /** The offset of the {@code )} closing a list of one or more {@code ?} separated by commas, or -1. */
    private static int parameterListEnd(String sql, int from, int end) {
        int i = from;
        while (true) {
            i = skipBlanks(sql, i, end);
            if (i >= end || sql.charAt(i) != '?') {
                return -1;
            }
            i = skipBlanks(sql, i + 1, end);
            if (i >= end) {
                return -1;
            }
            if (sql.charAt(i) == ')') {
                return i;
            }
            if (sql.charAt(i) != ',') {
                return -1;
            }
            i++;
        }
    }

    private static int skipBlanks(String sql, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
