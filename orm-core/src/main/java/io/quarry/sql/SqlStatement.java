package io.quarry.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL text with {@code ?} placeholders and the ordered bindings that fill them. Values never
 * appear in the text. Immutable and thread-safe.
 *
 * @param sql the SQL text
 * @param bindings one per placeholder, in order
 */
public record SqlStatement(String sql, List<Binding> bindings) {

    public SqlStatement {
        bindings = List.copyOf(bindings);
    }

    /** Binds every parameter; {@code args} are the run-time arguments of {@link Parameter} bindings. */
    public void bind(PreparedStatement statement, Object[] args) throws SQLException {
        for (int i = 0; i < bindings.size(); i++) {
            bindings.get(i).bind(statement, i + 1, args);
        }
    }

    /** The bound values (or argument placeholders), in order. */
    public List<Object> values() {
        return bindings.stream().map(Binding::describe).toList();
    }

    /** The SQL followed by the bound values, for people reading logs or {@code toSql()}. */
    @Override
    public String toString() {
        if (bindings.isEmpty()) {
            return sql;
        }
        return sql + " " + bindings.stream().map(b -> String.valueOf(b.describe()))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
