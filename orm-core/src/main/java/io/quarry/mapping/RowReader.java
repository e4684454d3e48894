package io.quarry.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one entity type from the rows of one result set, the column of each property fixed when the
 * reader was obtained ({@link EntityModel#rowReader(int[])}): through the properties' codecs, or, for
 * entities read often, through a generated class that calls the typed JDBC getters. Obtain one per
 * result set; not thread-safe.
 *
 * @param <T> the entity type
 */
public interface RowReader<T> {

    /** The value of every property in the current row, in {@link EntityModel#properties()} order. */
    Object[] values(ResultSet resultSet) throws SQLException;

    /** A new instance holding the current row. */
    T read(ResultSet resultSet) throws SQLException;

    /**
     * A new instance holding the current row, whose values are also stored into {@code values} (one
     * per property, in order), for a snapshot.
     */
    T read(ResultSet resultSet, Object[] values) throws SQLException;
}
