package io.quarry.sql;

import io.quarry.QuarryException;
import io.quarry.dialect.LexicalRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits hand-written SQL into code and what is not code (string literals, quoted identifiers,
 * comments), by the lexical rules of one database, so that parameters are looked for in code only.
 * Text that is opened but never closed is an error naming what and where. Stateless; thread-safe.
 */
public final class SqlLexer {

    /** What a span of SQL text is. */
    public enum Kind {
        CODE, STRING, QUOTED_IDENTIFIER, COMMENT
    }

    /**
     * A run of SQL text of one kind, from {@code start} (inclusive) to {@code end} (exclusive).
     *
     * @param kind what the text is
     * @param start the offset of its first character
     * @param end the offset after its last character
     */
    public record Span(Kind kind, int start, int end) {
    }

    private final String sql;
    private final Set<LexicalRule> rules;
    private final List<Span> spans = new ArrayList<>();

    private SqlLexer(String sql, Set<LexicalRule> rules) {
        this.sql = sql;
        this.rules = rules;
    }

    /** The spans of {@code sql}, in order and covering it; adjacent code is one span. */
    public static List<Span> split(String sql, Set<LexicalRule> rules) {
        SqlLexer lexer = new SqlLexer(sql, rules);
        lexer.run();
        return List.copyOf(lexer.spans);
    }

    private void run() {
        int codeStart = 0;
        int i = 0;
        while (i < sql.length()) {
            Span span = tokenAt(i);
            if (span == null) {
                i++;
                continue;
            }
            if (codeStart < i) {
                spans.add(new Span(Kind.CODE, codeStart, i));
            }
            spans.add(span);
            i = span.end();
            codeStart = i;
        }
        if (codeStart < sql.length()) {
            spans.add(new Span(Kind.CODE, codeStart, sql.length()));
        }
    }

    /** The string, identifier or comment starting at {@code i}, or {@code null} if code goes on there. */
    private Span tokenAt(int i) {
        char c = sql.charAt(i);
        char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
        if (c == '\'') {
            return new Span(Kind.STRING, i, quoted(i, i, '\'', has(LexicalRule.BACKSLASH_ESCAPES)));
        }
        if (c == '"') {
            boolean string = has(LexicalRule.DOUBLE_QUOTED_STRINGS);
            return new Span(string ? Kind.STRING : Kind.QUOTED_IDENTIFIER, i,
                    quoted(i, i, '"', string && has(LexicalRule.BACKSLASH_ESCAPES)));
        }
        if (c == '`' && has(LexicalRule.BACKTICK_IDENTIFIERS)) {
            return new Span(Kind.QUOTED_IDENTIFIER, i, quoted(i, i, '`', false));
        }
        if ((c == 'E' || c == 'e') && next == '\'' && has(LexicalRule.ESCAPE_STRINGS) && !identifierBefore(i)) {
            return new Span(Kind.STRING, i, quoted(i, i + 1, '\'', true));
        }
        if (c == '$' && has(LexicalRule.DOLLAR_QUOTES) && !identifierBefore(i)) {
            String tag = dollarTag(i);
            return tag == null ? null : new Span(Kind.STRING, i, dollarQuoted(i, tag));
        }
        if (c == '-' && next == '-' && dashComment(i + 2)
                || c == '#' && has(LexicalRule.HASH_COMMENTS)
                || c == '/' && next == '/' && has(LexicalRule.SLASH_COMMENTS)) {
            int end = sql.indexOf('\n', i);
            return new Span(Kind.COMMENT, i, end < 0 ? sql.length() : end);
        }
        if (c == '/' && next == '*') {
            return new Span(Kind.COMMENT, i, blockComment(i));
        }
        return null;
    }

    private boolean has(LexicalRule rule) {
        return rules.contains(rule);
    }

    private boolean dashComment(int after) {
        if (!has(LexicalRule.DASH_COMMENTS_NEED_SPACE) || after >= sql.length()) {
            return true;
        }
        char c = sql.charAt(after);
        return Character.isWhitespace(c) || Character.isISOControl(c);
    }

    /** Whether the character before {@code i} makes it part of a word ({@code date'...'}, {@code a$b}). */
    private boolean identifierBefore(int i) {
        if (i == 0) {
            return false;
        }
        char before = sql.charAt(i - 1);
        return Character.isLetterOrDigit(before) || before == '_' || before == '$';
    }

    /** The end of the literal whose opening {@code quote} is at {@code open}; doubled quotes stay inside. */
    private int quoted(int start, int open, char quote, boolean backslash) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        throw unterminated(start, quote == '\'' || rules.contains(LexicalRule.DOUBLE_QUOTED_STRINGS) && quote == '"'
                ? "string literal" : "quoted identifier", String.valueOf(quote),
                " (write " + quote + quote + (backslash ? " or \\" + quote : "") + " for a " + quote + " inside it"
                        + (backslash ? "; a backslash escapes the next character here, so a trailing backslash is "
                                + "written \\\\" : "") + ")");
    }

    /** {@code $$} or {@code $tag$} at {@code i}, or {@code null} ({@code $1} and the like are not quotes). */
    private String dollarTag(int i) {
        int j = i + 1;
        if (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
            while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                j++;
            }
        }
        return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
    }

    private int dollarQuoted(int start, String tag) {
        int close = sql.indexOf(tag, start + tag.length());
        if (close < 0) {
            throw unterminated(start, "dollar-quoted string", tag, "");
        }
        return close + tag.length();
    }

    private int blockComment(int start) {
        boolean nested = has(LexicalRule.NESTED_BLOCK_COMMENTS);
        int depth = 1;
        int i = start + 2;
        while (i < sql.length() - 1) {
            if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else if (nested && sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        throw unterminated(start, "block comment", "*/", nested
                ? " (block comments nest on this database: each /* inside it needs its own */" + ")" : "");
    }

    private QuarryException unterminated(int start, String what, String close, String hint) {
        String near = sql.substring(start, Math.min(sql.length(), start + 30));
        return new QuarryException("SQL [" + sql + "] has an unterminated " + what + " starting at offset " + start
                + " (" + near + (start + 30 < sql.length() ? "..." : "") + "); end it with " + close + hint);
    }
}
