package io.quarry.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One bound parameter of a rendered statement: a value known when the statement was built, or an
 * argument supplied when it runs (repository methods render their SQL once, at start-up, and bind
 * the call's arguments). Immutable and thread-safe.
 */
public interface Binding {

    /** Binds this parameter at the 1-based {@code index}; {@code args} are the run-time arguments. */
    void bind(PreparedStatement statement, int index, Object[] args) throws SQLException;

    /** The value as shown by {@code toSql()}, or a description of the argument it takes. */
    Object describe();
}
