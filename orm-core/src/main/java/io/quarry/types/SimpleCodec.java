package io.quarry.types;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A codec made of two functions; most built-in codecs are one. Thread-safe when the functions are.
 *
 * @param <T> the Java type
 */
public final class SimpleCodec<T> implements Codec<T> {

    /** Binds a non-null value. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, int index, T value) throws SQLException;
    }

    /** Reads a value; returns null for SQL NULL. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet resultSet, int index) throws SQLException;
    }

    private final SqlType sqlType;
    private final Binder<T> binder;
    private final Reader<T> reader;

    private SimpleCodec(SqlType sqlType, Binder<T> binder, Reader<T> reader) {
        this.sqlType = sqlType;
        this.binder = binder;
        this.reader = reader;
    }

    /** A codec storing values in {@code sqlType} columns. */
    public static <T> SimpleCodec<T> of(SqlType sqlType, Binder<T> binder, Reader<T> reader) {
        return new SimpleCodec<>(sqlType, binder, reader);
    }

    @Override
    public SqlType sqlType() {
        return sqlType;
    }

    @Override
    public void bind(PreparedStatement statement, int index, T value) throws SQLException {
        binder.bind(statement, index, value);
    }

    @Override
    public T read(ResultSet resultSet, int index) throws SQLException {
        return reader.read(resultSet, index);
    }

    @Override
    public String toString() {
        return "Codec[" + sqlType + "]";
    }
}
