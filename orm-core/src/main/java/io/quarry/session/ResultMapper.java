package io.quarry.session;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps the current row of a result set; used with the pre-rendered statement API of
 * {@link Session} (repositories render their SQL once, at start-up). Must be stateless.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface ResultMapper<R> {

    R map(ResultSet resultSet) throws SQLException;
}
