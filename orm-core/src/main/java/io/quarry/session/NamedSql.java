package io.quarry.session;

import io.quarry.QuarryException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written SQL with {@code :name} (and {@code ?1} positional) parameters turned into JDBC
 * {@code ?} placeholders, parsed once. Quotes, comments and PostgreSQL's {@code ::} casts are left
 * alone. Immutable and thread-safe.
 *
 * @param sql the JDBC SQL
 * @param names one entry per placeholder: the parameter name, or "1", "2"... for positional ones
 */
public record NamedSql(String sql, List<String> names) {

    public NamedSql {
        names = List.copyOf(names);
    }

    /** Parses {@code source}. */
    public static NamedSql parse(String source) {
        StringBuilder sql = new StringBuilder(source.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = source.indexOf(c, i + 1);
                end = end < 0 ? source.length() - 1 : end;
                sql.append(source, i, end + 1);
                i = end + 1;
            } else if (c == '-' && i + 1 < source.length() && source.charAt(i + 1) == '-') {
                int end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
                sql.append(source, i, end);
                i = end;
            } else if (c == ':' && i + 1 < source.length() && source.charAt(i + 1) == ':') {
                sql.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < source.length() && Character.isJavaIdentifierStart(source.charAt(i + 1))) {
                int end = i + 1;
                while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) {
                    end++;
                }
                names.add(source.substring(i + 1, end));
                sql.append('?');
                i = end;
            } else if (c == '?' && i + 1 < source.length() && Character.isDigit(source.charAt(i + 1))) {
                int end = i + 1;
                while (end < source.length() && Character.isDigit(source.charAt(end))) {
                    end++;
                }
                names.add(source.substring(i + 1, end));
                sql.append('?');
                i = end;
            } else if (c == '?') {
                throw new QuarryException("SQL [" + source + "] uses a bare '?' at position " + i
                        + "; name the parameter (:name) or number it (?1)");
            } else {
                sql.append(c);
                i++;
            }
        }
        return new NamedSql(sql.toString(), names);
    }
}
