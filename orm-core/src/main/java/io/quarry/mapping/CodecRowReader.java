package io.quarry.mapping;

import io.quarry.types.Codec;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@link RowReader} of entities read rarely: each column through its property's codec into a
 * values array, then {@link EntityModel#instantiate}. Counts its rows towards the model's generated
 * reader. Not thread-safe.
 */
final class CodecRowReader<T> implements RowReader<T> {

    private final EntityModel<T> model;
    private final EntityReaders<T> readers;
    private final Codec<Object>[] codecs;
    private final int[] columns;

    CodecRowReader(EntityModel<T> model, EntityReaders<T> readers, Codec<Object>[] codecs, int[] columns) {
        this.model = model;
        this.readers = readers;
        this.codecs = codecs;
        this.columns = columns;
    }

    @Override
    public Object[] values(ResultSet resultSet) throws SQLException {
        readers.countRead();
        return read(codecs, resultSet, columns);
    }

    @Override
    public T read(ResultSet resultSet) throws SQLException {
        return model.instantiate(values(resultSet));
    }

    @Override
    public T read(ResultSet resultSet, Object[] values) throws SQLException {
        Object[] read = values(resultSet);
        System.arraycopy(read, 0, values, 0, read.length);
        return model.instantiate(read);
    }

    /** The value of each property through its codec. */
    static Object[] read(Codec<Object>[] codecs, ResultSet resultSet, int[] columns) throws SQLException {
        Object[] values = new Object[codecs.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = codecs[i].read(resultSet, columns[i]);
        }
        return values;
    }
}
