package io.quarry.mapping.internal;

import io.quarry.types.Codec;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Implemented only by the classes Quarry generates for entities that are read often (see
 * {@code EntityModel#rowReader}): each column read with its typed JDBC getter (or, for a type with
 * its own codec, the codec) straight into a field or constructor argument. Public because those
 * classes live in the entity's package. Not for application code.
 */
public interface GeneratedReader {

    /**
     * A new instance from the current row, property {@code i} read from column {@code columns[i]}
     * (through {@code codecs[i]} where no typed getter applies): for a record, its canonical
     * constructor; for a class, its no-argument constructor, then the fields this reader covers.
     */
    Object read(ResultSet resultSet, int[] columns, Codec<?>[] codecs) throws SQLException;

    /** Sets the fields this reader covers (those its class declares) on {@code instance} from the current row. */
    void readInto(Object instance, ResultSet resultSet, int[] columns, Codec<?>[] codecs) throws SQLException;

    /**
     * {@link #read(ResultSet, int[], Codec[])} that also stores each value it reads (boxed) at its
     * property's index in {@code values}, for a snapshot; records return null (they read back).
     */
    Object read(ResultSet resultSet, int[] columns, Codec<?>[] codecs, Object[] values) throws SQLException;

    /** {@link #readInto(Object, ResultSet, int[], Codec[])} that also stores each value in {@code values}. */
    void readInto(Object instance, ResultSet resultSet, int[] columns, Codec<?>[] codecs, Object[] values)
            throws SQLException;
}
