package io.quarry.mapping;

import io.quarry.mapping.internal.GeneratedWriter;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated writers that build one entity's instances: that of the entity's class, then those of
 * its superclasses' fields (a generated class may only write the fields its package can reach).
 * Immutable; thread-safe.
 */
final class GeneratedWriters {

    private final GeneratedWriter own;
    private final GeneratedWriter[] inherited;

    private GeneratedWriters(GeneratedWriter own, List<GeneratedWriter> inherited) {
        this.own = own;
        this.inherited = inherited.toArray(new GeneratedWriter[0]);
    }

    /**
     * Defines the writers of {@code type}: for a record, one calling its canonical constructor; for a plain
     * class, one per class declaring a mapped field ({@code fields} in property order), a reference's field
     * left to the loader, which sets the referenced object.
     */
    static GeneratedWriters of(Class<?> type, boolean record, List<PropertyModel> properties, List<Field> fields)
            throws ReflectiveOperationException {
        if (record) {
            List<Class<?>> components = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                components.add(component.getType());
            }
            return new GeneratedWriters(WriterGenerator.forRecord(type, components), List.of());
        }
        Map<Class<?>, List<WriterGenerator.Slot>> byClass = new LinkedHashMap<>();
        byClass.put(type, new ArrayList<>());
        for (int i = 0; i < fields.size(); i++) {
            if (properties.get(i).reference() == null) {
                byClass.computeIfAbsent(fields.get(i).getDeclaringClass(), c -> new ArrayList<>())
                        .add(new WriterGenerator.Slot(i, fields.get(i)));
            }
        }
        GeneratedWriter own = WriterGenerator.forClass(type, true, byClass.remove(type));
        List<GeneratedWriter> inherited = new ArrayList<>();
        for (Map.Entry<Class<?>, List<WriterGenerator.Slot>> entry : byClass.entrySet()) {
            inherited.add(WriterGenerator.forClass(entry.getKey(), false, entry.getValue()));
        }
        return new GeneratedWriters(own, inherited);
    }

    Object create(Object[] values) {
        Object instance = own.create(values);
        for (GeneratedWriter writer : inherited) {
            writer.write(instance, values);
        }
        return instance;
    }
}
