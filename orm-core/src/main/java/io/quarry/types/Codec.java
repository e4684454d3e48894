package io.quarry.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Converts one Java type to and from JDBC: binds a value as a parameter, reads it from a result
 * set, and names the kind of column it needs ({@link SqlType}; the dialect turns that into DDL).
 * Implementations must be stateless and thread-safe. Register your own with
 * {@link CodecRegistry#register(Class, Codec)}.
 *
 * @param <T> the Java type
 */
public interface Codec<T> {

    /** The kind of column this type is stored in. */
    SqlType sqlType();

    /** Binds a non-null value at the 1-based {@code index}. */
    void bind(PreparedStatement statement, int index, T value) throws SQLException;

    /** Reads the column at the 1-based {@code index}; returns {@code null} for SQL NULL. */
    T read(ResultSet resultSet, int index) throws SQLException;

    /** Binds SQL NULL typed for this codec's column. */
    default void bindNull(PreparedStatement statement, int index) throws SQLException {
        statement.setNull(index, sqlType().jdbcType());
    }

    /**
     * The value as an element of an SQL array ({@code Connection.createArrayOf}, for {@code = any(:ids)}
     * on PostgreSQL and H2): the value itself, which the drivers take for the built-in types. A codec
     * that binds another type than it holds (an enum's name) returns what it would bind.
     */
    default Object arrayElement(T value) {
        return value;
    }

    /**
     * A copy safe to keep as a snapshot for dirty checking; only mutable types (arrays) need to
     * override this.
     */
    default T snapshot(T value) {
        return value;
    }

    /** Whether two values are the same for dirty checking; arrays compare by content. */
    default boolean same(T left, T right) {
        return java.util.Objects.equals(left, right);
    }
}
