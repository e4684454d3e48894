package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.dialect.LexicalRule;
import io.quarry.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hand-written SQL with {@code :name} (and {@code ?1} positional) parameters turned into JDBC
 * {@code ?} placeholders, parsed once. Parameters are recognised in code only: string literals,
 * quoted identifiers and comments are passed as written, as the database's lexical rules
 * ({@link SqlLexer}) delimit them, and so are PostgreSQL's {@code ::} casts. A placeholder can be
 * written again as a list ({@link #expand}), which is how {@code @Query} binds a collection. Immutable
 * and thread-safe.
 *
 * @param sql the JDBC SQL
 * @param names one entry per placeholder: the parameter name, or "1", "2"... for positional ones
 * @param positions one entry per placeholder: the offset of its {@code ?} in {@code sql}
 */
public record NamedSql(String sql, List<String> names, List<Integer> positions) {

    /** Functions whose only argument, when it is a placeholder, takes one SQL array. */
    private static final Set<String> ARRAY_FUNCTIONS = Set.of("any", "all", "some", "unnest");

    /** Where a placeholder stands, as far as a list of values cares. */
    public enum Context {
        /** The only argument of {@code any(...)}, {@code all(...)}, {@code some(...)} or {@code unnest(...)}: one array. */
        ARRAY_ARGUMENT,
        /** Right after the keyword {@code in}, without parentheses: a list is written in parentheses. */
        AFTER_IN,
        /** After an opening parenthesis or a comma ({@code in (:ids)}, {@code values (:a, :b)}): a list is written as it is. */
        LIST,
        /** Anywhere else ({@code = :id}): a place for one value. */
        SINGLE
    }

    public NamedSql {
        names = List.copyOf(names);
        positions = List.copyOf(positions);
        if (names.size() != positions.size()) {
            throw new IllegalArgumentException("one position per name");
        }
    }

    /** Parses {@code source}, written for a database with {@code rules}. */
    public static NamedSql parse(String source, Set<LexicalRule> rules) {
        StringBuilder sql = new StringBuilder(source.length());
        List<String> names = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (SqlLexer.Span span : SqlLexer.split(source, rules)) {
            if (span.kind() == SqlLexer.Kind.CODE) {
                code(source, span.start(), span.end(), sql, names, positions);
            } else {
                sql.append(source, span.start(), span.end());
            }
        }
        return new NamedSql(sql.toString(), names, positions);
    }

    /**
     * Where placeholder {@code index} stands, read from the blanks and words next to it (a comment
     * between {@code any(} and the placeholder hides the function: the placeholder is then a LIST).
     */
    public Context context(int index) {
        int position = positions.get(index);
        int before = skipBlanksBackwards(position - 1);
        if (before >= 0 && sql.charAt(before) == '(') {
            int after = skipBlanksForwards(position + 1);
            boolean alone = after == sql.length() || sql.charAt(after) == ')' || sql.startsWith("::", after);
            return alone && ARRAY_FUNCTIONS.contains(wordBefore(before)) ? Context.ARRAY_ARGUMENT : Context.LIST;
        }
        if (before >= 0 && sql.charAt(before) == ',') {
            return Context.LIST;
        }
        return "in".equals(wordBefore(before + 1)) ? Context.AFTER_IN : Context.SINGLE;
    }

    /**
     * The SQL with placeholder {@code i} written {@code sizes[i]} times, separated by commas, where
     * {@code sizes[i] >= 0}: {@code null} for none (so {@code in (null)}, a predicate that holds for
     * no row), in parentheses when the placeholder follows a bare {@code in}. A negative size keeps the
     * one placeholder.
     */
    public String expand(int[] sizes) {
        StringBuilder expanded = new StringBuilder(sql.length() + 16);
        int from = 0;
        for (int i = 0; i < positions.size(); i++) {
            int position = positions.get(i);
            expanded.append(sql, from, position);
            from = position + 1;
            int size = sizes[i];
            if (size < 0) {
                expanded.append('?');
                continue;
            }
            boolean parenthesize = context(i) == Context.AFTER_IN;
            if (parenthesize) {
                expanded.append('(');
            }
            if (size == 0) {
                expanded.append("null");
            }
            for (int k = 0; k < size; k++) {
                expanded.append(k == 0 ? "?" : ", ?");
            }
            if (parenthesize) {
                expanded.append(')');
            }
        }
        return expanded.append(sql, from, sql.length()).toString();
    }

    private int skipBlanksBackwards(int i) {
        while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
            i--;
        }
        return i;
    }

    private int skipBlanksForwards(int i) {
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The word (letters, digits, {@code _}) that ends before {@code end}, blanks skipped, in lower case. */
    private String wordBefore(int end) {
        int last = skipBlanksBackwards(end - 1);
        int first = last;
        while (first >= 0 && (Character.isLetterOrDigit(sql.charAt(first)) || sql.charAt(first) == '_')) {
            first--;
        }
        return sql.substring(first + 1, last + 1).toLowerCase(Locale.ROOT);
    }

    private static void code(String source, int start, int end, StringBuilder sql, List<String> names,
            List<Integer> positions) {
        int i = start;
        while (i < end) {
            char c = source.charAt(i);
            char next = i + 1 < end ? source.charAt(i + 1) : 0;
            if (c == ':' && next == ':') {
                sql.append("::");
                i += 2;
            } else if (c == ':' && Character.isJavaIdentifierStart(next)) {
                i = parameter(source, i + 1, end, names, true);
                positions.add(sql.length());
                sql.append('?');
            } else if (c == '?' && Character.isDigit(next)) {
                i = parameter(source, i + 1, end, names, false);
                positions.add(sql.length());
                sql.append('?');
            } else if (c == '?') {
                throw new QuarryException("SQL [" + source + "] uses a bare '?' at offset " + i
                        + "; name the parameter (:name) or number it (?1)");
            } else {
                sql.append(c);
                i++;
            }
        }
    }

    /** Adds the name starting at {@code start} and returns the offset after it. */
    private static int parameter(String source, int start, int end, List<String> names, boolean named) {
        int i = start;
        while (i < end && (named ? Character.isJavaIdentifierPart(source.charAt(i))
                : Character.isDigit(source.charAt(i)))) {
            i++;
        }
        names.add(source.substring(start, i));
        return i;
    }
}
