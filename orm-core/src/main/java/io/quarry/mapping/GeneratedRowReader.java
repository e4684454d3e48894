package io.quarry.mapping;

import io.quarry.mapping.internal.GeneratedReader;
import io.quarry.types.Codec;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@link RowReader} of entities read often: rows go through the model's generated readers
 * (typed getters straight into fields or the canonical constructor). Any failure (a NULL for a
 * primitive, a value a codec refuses) reads the row again through the codecs, so errors are the ones
 * the codec path reports. Not thread-safe.
 */
final class GeneratedRowReader<T> implements RowReader<T> {

    /** The generated readers of one entity: its class's, then those of its superclasses' fields. */
    record Readers(GeneratedReader own, GeneratedReader[] inherited) {
    }

    private final EntityModel<T> model;
    private final EntityReaders<T> counts;
    private final Readers readers;
    private final Codec<Object>[] codecs;
    private final int[] columns;

    GeneratedRowReader(EntityModel<T> model, EntityReaders<T> counts, Readers readers, Codec<Object>[] codecs,
            int[] columns) {
        this.model = model;
        this.counts = counts;
        this.readers = readers;
        this.codecs = codecs;
        this.columns = columns;
    }

    @Override
    public Object[] values(ResultSet resultSet) throws SQLException {
        return CodecRowReader.read(codecs, resultSet, columns);
    }

    @Override
    public T read(ResultSet resultSet) throws SQLException {
        Object instance;
        try {
            instance = readers.own().read(resultSet, columns, codecs);
            for (GeneratedReader inherited : readers.inherited()) {
                inherited.readInto(instance, resultSet, columns, codecs);
            }
        } catch (SQLException | RuntimeException e) {
            counts.countFallback();
            return model.instantiate(values(resultSet));
        }
        return model.type().cast(instance);
    }

    @Override
    public T read(ResultSet resultSet, Object[] values) throws SQLException {
        if (model.isRecord()) {
            T instance = read(resultSet);
            Object[] read = model.values(instance);
            System.arraycopy(read, 0, values, 0, read.length);
            return instance;
        }
        Object instance;
        try {
            instance = readers.own().read(resultSet, columns, codecs, values);
            for (GeneratedReader inherited : readers.inherited()) {
                inherited.readInto(instance, resultSet, columns, codecs, values);
            }
        } catch (SQLException | RuntimeException e) {
            counts.countFallback();
            Object[] read = values(resultSet);
            System.arraycopy(read, 0, values, 0, read.length);
            return model.instantiate(read);
        }
        return model.type().cast(instance);
    }
}
