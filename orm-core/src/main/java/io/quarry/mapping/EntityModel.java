package io.quarry.mapping;

import io.quarry.MappingException;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable mapping of one entity class: table, columns, id, version, indexes and how to
 * create instances. Built once per class by {@link ModelRegistry}; thread-safe.
 *
 * @param <T> the entity type
 */
public final class EntityModel<T> {

    private final Class<T> type;
    private final String table;
    private final List<PropertyModel> properties;
    private final PropertyModel id;
    private final PropertyModel version;
    private final List<IndexModel> indexes;
    private final boolean record;
    private final MethodHandle constructor;
    private final Map<String, PropertyModel> byName;

    EntityModel(Class<T> type, String table, List<PropertyModel> properties, List<IndexModel> indexes,
            boolean record, MethodHandle constructor) {
        this.type = type;
        this.table = table;
        this.properties = List.copyOf(properties);
        this.indexes = List.copyOf(indexes);
        this.record = record;
        this.constructor = constructor;
        PropertyModel foundId = null;
        PropertyModel foundVersion = null;
        Map<String, PropertyModel> names = new LinkedHashMap<>();
        for (PropertyModel property : properties) {
            names.put(property.name(), property);
            if (property.isId()) {
                foundId = property;
            }
            if (property.isVersion()) {
                foundVersion = property;
            }
        }
        for (PropertyModel property : properties) {
            names.putIfAbsent(property.column(), property);
        }
        this.id = foundId;
        this.version = foundVersion;
        this.byName = Collections.unmodifiableMap(names);
    }

    public Class<T> type() {
        return type;
    }

    /** The table name as mapped, unquoted. */
    public String table() {
        return table;
    }

    /** The mapped properties, in declaration order (the id among them). */
    public List<PropertyModel> properties() {
        return properties;
    }

    public PropertyModel id() {
        return id;
    }

    /** The {@code @Version} property, or {@code null}. */
    public PropertyModel version() {
        return version;
    }

    public List<IndexModel> indexes() {
        return indexes;
    }

    public boolean isRecord() {
        return record;
    }

    /** The sequence used by {@link GenerationType#SEQUENCE} ids. */
    public String sequenceName() {
        return table + "_seq";
    }

    /**
     * The property named {@code name} (property name or column name); a {@link MappingException}
     * with the closest match otherwise.
     */
    public PropertyModel property(String name) {
        PropertyModel property = byName.get(name);
        if (property == null) {
            List<String> names = new ArrayList<>();
            properties.forEach(p -> names.add(p.name()));
            throw new MappingException("No property '" + name + "' in entity " + type.getSimpleName()
                    + Names.didYouMean(name, names));
        }
        return property;
    }

    /** The property named {@code name}, or {@code null}. */
    public PropertyModel findProperty(String name) {
        return byName.get(name);
    }

    /** The id of {@code entity}. */
    public Object idOf(Object entity) {
        return id.get(entity);
    }

    /**
     * Whether the id of {@code entity} is unset: null, or zero for a primitive generated id.
     */
    public boolean hasUnsetId(Object entity) {
        Object value = id.get(entity);
        if (value == null) {
            return true;
        }
        return id.isPrimitive() && value instanceof Number number && number.longValue() == 0L;
    }

    /**
     * A new instance holding {@code values}, one per property in {@link #properties()} order. For
     * plain classes, the no-argument constructor then each field; for records, the canonical
     * constructor.
     */
    public T instantiate(Object[] values) {
        try {
            if (record) {
                return type.cast(constructor.invoke(values));
            }
            Object instance = constructor.invoke();
            for (int i = 0; i < properties.size(); i++) {
                properties.get(i).set(instance, values[i]);
            }
            return type.cast(instance);
        } catch (MappingException e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingException("Cannot create an instance of " + type.getName() + ": " + e, e);
        }
    }

    /** A new, empty instance of a plain class (for loading into). */
    public T newEmptyInstance() {
        try {
            return type.cast(constructor.invoke());
        } catch (Throwable e) {
            throw new MappingException("Cannot create an instance of " + type.getName() + ": " + e, e);
        }
    }

    /** Reads every property of {@code entity} into an array in {@link #properties()} order. */
    public Object[] values(Object entity) {
        Object[] values = new Object[properties.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = properties.get(i).get(entity);
        }
        return values;
    }

    /**
     * {@code entity} with {@code property} set to {@code value}: the same instance for plain
     * classes, a copy for records.
     */
    public T with(T entity, PropertyModel property, Object value) {
        if (!record) {
            property.set(entity, value);
            return entity;
        }
        Object[] values = values(entity);
        values[property.position()] = value;
        return instantiate(values);
    }

    @Override
    public String toString() {
        return "EntityModel[" + type.getSimpleName() + " -> " + table + "]";
    }
}
