package io.quarry.session;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps the current row of a result set; used with the pre-rendered statement API of
 * {@link StatementSession} (repositories render their SQL once, at start-up). A mapper is
 * specialized once per result set, before its first row, as Jdbi's {@code RowMapper.specialize}:
 * whatever depends only on the result set (columns found by label in its metadata, a reader for the
 * entity) is settled there, not per row. Must be stateless; a specialized mapper may hold state for
 * its one result set.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface ResultMapper<R> {

    R map(ResultSet resultSet) throws SQLException;

    /** The mapper for the rows of {@code resultSet}, asked for once before its first row; this one by default. */
    default ResultMapper<R> specialize(ResultSet resultSet) throws SQLException {
        return this;
    }
}
