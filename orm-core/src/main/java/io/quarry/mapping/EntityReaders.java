package io.quarry.mapping;

import io.quarry.mapping.internal.GeneratedReader;
import io.quarry.types.Codec;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The row readers of one entity: through the codecs until {@value EntityModel#INFLATION_THRESHOLD}
 * rows have been read, then through generated readers ({@link ReaderGenerator}) for every result set
 * opened afterwards, as the model's writers inflate. Thread-safe.
 *
 * @param <T> the entity type
 */
final class EntityReaders<T> {

    private static final Logger log = LoggerFactory.getLogger(EntityReaders.class);

    private final EntityModel<T> model;
    /** The field of each property of a plain class, in property order; empty for records. */
    private final List<Field> fields;
    /** The codec of each property, in property order. */
    private final Codec<Object>[] codecs;
    private final LongAdder generatedRowReaders = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private volatile GeneratedRowReader.Readers generated;
    private int reads;
    private boolean failed;

    @SuppressWarnings("unchecked")
    EntityReaders(EntityModel<T> model, List<Field> fields) {
        this.model = model;
        this.fields = fields;
        List<PropertyModel> properties = model.properties();
        this.codecs = new Codec[properties.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = properties.get(i).codec();
        }
    }

    /** A reader for one result set; {@code columns} is its own. */
    RowReader<T> rowReader(int[] columns) {
        GeneratedRowReader.Readers readers = generated;
        if (readers != null) {
            generatedRowReaders.increment();
            return new GeneratedRowReader<>(model, this, readers, codecs, columns);
        }
        return new CodecRowReader<>(model, this, codecs, columns);
    }

    /** Counts one row read through the codecs; the threshold-th defines the generated readers. */
    void countRead() {
        if (++reads == EntityModel.INFLATION_THRESHOLD) {
            inflate();
        }
    }

    /** Counts a row that a generated reader handed back to the codecs (an error to report). */
    void countFallback() {
        fallbacks.increment();
    }

    /**
     * Defines the generated readers (one per class of the entity's hierarchy that declares a mapped
     * field); on any failure the codecs stay, and the reason is logged at debug level.
     */
    synchronized void inflate() {
        if (generated != null || failed) {
            return;
        }
        if (model.isRecord() && model.hasReferences()) {
            // its rows wait as values until the references are loaded (PendingRecords): the codecs read them
            failed = true;
            return;
        }
        try {
            generated = model.isRecord()
                    ? new GeneratedRowReader.Readers(ReaderGenerator.forRecord(model.type(), recordSlots()),
                            new GeneratedReader[0])
                    : classReaders();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            failed = true;
            log.debug("Quarry keeps reading {} through codecs: {}", model.type().getName(), e.toString());
        }
    }

    /** Whether generated readers read the result sets opened from now on (for tests). */
    boolean generated() {
        return generated != null;
    }

    /** How many generated row readers have been handed out: one per result set (for tests). */
    long generatedRowReaders() {
        return generatedRowReaders.sum();
    }

    /** How many rows generated readers handed back to the codecs (for tests). */
    long fallbacks() {
        return fallbacks.sum();
    }

    private ReaderGenerator.Slot slot(int index) {
        PropertyModel property = model.properties().get(index);
        return new ReaderGenerator.Slot(index, property.javaType(), PlainGetters.of(property.javaType(), property.codec()));
    }

    /**
     * The slot of a reference's foreign key: read as the boxed type, since an optional reference's
     * column may be NULL even when the target's id is primitive (the codec reads it as null too).
     */
    private ReaderGenerator.Slot keySlot(int index) {
        PropertyModel property = model.properties().get(index);
        Class<?> boxed = io.quarry.types.Numbers.boxed(property.javaType());
        return new ReaderGenerator.Slot(index, boxed, PlainGetters.of(boxed, property.codec()));
    }

    private List<ReaderGenerator.Slot> recordSlots() {
        List<Class<?>> components = new ArrayList<>();
        for (RecordComponent component : model.type().getRecordComponents()) {
            components.add(component.getType());
        }
        if (!components.equals(model.properties().stream().map(PropertyModel::javaType).toList())) {
            throw new IllegalStateException("the properties are not the record's components in order");
        }
        List<ReaderGenerator.Slot> slots = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            slots.add(slot(i));
        }
        return slots;
    }

    private GeneratedRowReader.Readers classReaders() throws ReflectiveOperationException {
        Map<Class<?>, List<ReaderGenerator.FieldSlot>> byClass = new LinkedHashMap<>();
        byClass.put(model.type(), new ArrayList<>());
        for (int i = 0; i < fields.size(); i++) {
            byClass.computeIfAbsent(fields.get(i).getDeclaringClass(), c -> new ArrayList<>())
                    .add(model.properties().get(i).reference() == null
                            ? new ReaderGenerator.FieldSlot(fields.get(i), slot(i))
                            : new ReaderGenerator.FieldSlot(fields.get(i), keySlot(i), true));
        }
        GeneratedReader own = ReaderGenerator.forClass(model.type(), true, byClass.remove(model.type()));
        List<GeneratedReader> inherited = new ArrayList<>();
        for (Map.Entry<Class<?>, List<ReaderGenerator.FieldSlot>> entry : byClass.entrySet()) {
            inherited.add(ReaderGenerator.forClass(entry.getKey(), false, entry.getValue()));
        }
        return new GeneratedRowReader.Readers(own, inherited.toArray(new GeneratedReader[0]));
    }
}
