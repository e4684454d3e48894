package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.dialect.LexicalRule;
import io.quarry.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hand-written SQL with {@code :name} (and {@code ?1} positional) parameters turned into JDBC
 * {@code ?} placeholders, parsed once. Parameters are recognised in code only: string literals,
 * quoted identifiers and comments are passed as written, as the database's lexical rules
 * ({@link SqlLexer}) delimit them, and so are PostgreSQL's {@code ::} casts. Immutable and thread-safe.
 *
 * @param sql the JDBC SQL
 * @param names one entry per placeholder: the parameter name, or "1", "2"... for positional ones
 */
public record NamedSql(String sql, List<String> names) {

    public NamedSql {
        names = List.copyOf(names);
    }

    /** Parses {@code source}, written for a database with {@code rules}. */
    public static NamedSql parse(String source, Set<LexicalRule> rules) {
        StringBuilder sql = new StringBuilder(source.length());
        List<String> names = new ArrayList<>();
        for (SqlLexer.Span span : SqlLexer.split(source, rules)) {
            if (span.kind() == SqlLexer.Kind.CODE) {
                code(source, span.start(), span.end(), sql, names);
            } else {
                sql.append(source, span.start(), span.end());
            }
        }
        return new NamedSql(sql.toString(), names);
    }

    private static void code(String source, int start, int end, StringBuilder sql, List<String> names) {
        int i = start;
        while (i < end) {
            char c = source.charAt(i);
            char next = i + 1 < end ? source.charAt(i + 1) : 0;
            if (c == ':' && next == ':') {
                sql.append("::");
                i += 2;
            } else if (c == ':' && Character.isJavaIdentifierStart(next)) {
                i = parameter(source, i + 1, end, names, true);
                sql.append('?');
            } else if (c == '?' && Character.isDigit(next)) {
                i = parameter(source, i + 1, end, names, false);
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
