package io.quarry.mapping;

import io.quarry.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The immutable mapping of one entity class: table, columns, id, version, indexes and how to
 * create instances. Built once per class by {@link ModelRegistry}; thread-safe.
 *
 * @param <T> the entity type
 */
public final class EntityModel<T> {

    /**
     * Instances built through method handles before a generated writer takes over, as the JDK's
     * reflection once switched from native to generated accessors: entities read a few times never
     * pay for a class, entities read in bulk get plain field stores.
     */
    static final int INFLATION_THRESHOLD = 64;

    private static final Logger log = LoggerFactory.getLogger(EntityModel.class);

    private final Class<T> type;
    private final String table;
    private final List<PropertyModel> properties;
    private final PropertyModel id;
    private final PropertyModel version;
    private final List<IndexModel> indexes;
    private final boolean record;
    private final MethodHandle constructor;
    private final Map<String, PropertyModel> byName;
    /** The field of each property of a plain class, in property order; empty for records. */
    private final List<Field> fields;
    private volatile GeneratedWriters writers;
    private int instantiations;
    private boolean inflationFailed;
    /** Instances the method handles built, fallbacks from the generated writer included. */
    private final LongAdder builtThroughHandles = new LongAdder();
    private final EntityReaders<T> readers;
    private final List<RelationModel> relations;
    private final boolean hasReferences;
    private final SoftDeletion softDeletion;

    EntityModel(Class<T> type, String table, List<PropertyModel> properties, List<IndexModel> indexes,
            boolean record, MethodHandle constructor, List<Field> fields, List<RelationModel> relations) {
        this.type = type;
        this.fields = List.copyOf(fields);
        this.relations = List.copyOf(relations);
        this.hasReferences = relations.stream().anyMatch(RelationModel::isReference);
        this.table = table;
        this.properties = List.copyOf(properties);
        this.indexes = List.copyOf(indexes);
        this.record = record;
        this.constructor = constructor;
        PropertyModel foundId = null;
        PropertyModel foundVersion = null;
        PropertyModel foundMark = null;
        Map<String, PropertyModel> names = new LinkedHashMap<>();
        for (PropertyModel property : properties) {
            names.put(property.name(), property);
            if (property.isId()) {
                foundId = property;
            }
            if (property.isVersion()) {
                foundVersion = property;
            }
            if (property.isSoftDelete()) {
                foundMark = property;
            }
        }
        for (PropertyModel property : properties) {
            names.putIfAbsent(property.column(), property);
        }
        this.id = foundId;
        this.version = foundVersion;
        this.softDeletion = foundMark == null ? null : new SoftDeletion(foundMark);
        this.byName = Collections.unmodifiableMap(names);
        this.readers = new EntityReaders<>(this, this.fields);
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

    /** The {@code @SoftDelete} property and its values, or {@code null}: deletes then remove rows. */
    public SoftDeletion softDeletion() {
        return softDeletion;
    }

    /** The relations, references first (in property order), then collections in declaration order. */
    public List<RelationModel> relations() {
        return relations;
    }

    /** The relation named {@code name}, or {@code null}. */
    public RelationModel findRelation(String name) {
        for (RelationModel relation : relations) {
            if (relation.name().equals(name)) {
                return relation;
            }
        }
        return null;
    }

    /**
     * The relation named {@code name}; a {@link MappingException} with the closest match otherwise.
     */
    public RelationModel relation(String name) {
        RelationModel relation = findRelation(name);
        if (relation == null) {
            throw new MappingException("No relation '" + name + "' in entity " + type.getSimpleName()
                    + (relations.isEmpty() ? " (it maps none)"
                            : Names.didYouMean(name, relations.stream().map(RelationModel::name).toList())
                                    .replace("known properties", "its relations")));
        }
        return relation;
    }

    /** Whether some property is a reference's foreign key (its field holds an object, not the column value). */
    public boolean hasReferences() {
        return hasReferences;
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
     * Whether {@code entity} has never been stored, as Spring Data decides: a {@link Persistable} says
     * so itself; else a {@code @Version} property that is null (or 0 when primitive: inserts start
     * those at 1); else an unset id ({@link #hasUnsetId}).
     */
    public boolean isNew(Object entity) {
        if (entity instanceof Persistable<?> persistable) {
            return persistable.isNew();
        }
        return version == null ? hasUnsetId(entity) : hasUnsetVersion(entity);
    }

    /** Whether the {@code @Version} of {@code entity} is unset: null, or 0 when primitive; false without a version. */
    public boolean hasUnsetVersion(Object entity) {
        if (version == null) {
            return false;
        }
        Object value = version.get(entity);
        return value == null || version.isPrimitive() && ((Number) value).longValue() == 0L;
    }

    /**
     * A reader of this entity for one result set whose column {@code columns[i]} (1-based) holds
     * property {@code i}; see {@link #positionalColumns()}.
     */
    public RowReader<T> rowReader(int[] columns) {
        if (columns.length != properties.size()) {
            throw new IllegalArgumentException(columns.length + " columns for the " + properties.size()
                    + " properties of " + type.getName());
        }
        return readers.rowReader(columns.clone());
    }

    /** The columns of a result set that selects the properties in order: 1, 2, ... */
    public int[] positionalColumns() {
        int[] columns = new int[properties.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i + 1;
        }
        return columns;
    }

    /** The entity's row readers (for tests). */
    EntityReaders<T> readers() {
        return readers;
    }

    /**
     * A new instance holding {@code values}, one per property in {@link #properties()} order. For
     * plain classes, the no-argument constructor then each field (a reference's field is left to the
     * loader); for records, the canonical constructor, so a reference's value is the referenced object
     * (see {@link #components}). The first {@value #INFLATION_THRESHOLD} go through method handles, the rest
     * through a generated class (see {@link #inflate()}).
     */
    public T instantiate(Object[] values) {
        GeneratedWriters generated = writers;
        if (generated != null) {
            try {
                return type.cast(generated.create(values));
            } catch (NullPointerException | ClassCastException e) {
                // a NULL for a primitive or a value of another type: the method-handle path names the property
            }
        } else if (++instantiations == INFLATION_THRESHOLD) {
            inflate();
        }
        return instantiateThroughHandles(values);
    }

    private T instantiateThroughHandles(Object[] values) {
        builtThroughHandles.increment();
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

    /**
     * Defines the generated writers of this entity (one per class of its hierarchy that declares a
     * mapped field); on any failure the method handles stay, and the reason is logged at debug level.
     */
    synchronized void inflate() {
        if (writers != null || inflationFailed) {
            return;
        }
        try {
            writers = GeneratedWriters.of(type, record, properties, fields);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            inflationFailed = true;
            log.debug("Quarry keeps building {} through method handles: {}", type.getName(), e.toString());
        }
    }

    /** Whether a generated writer builds the instances (for tests). */
    boolean inflated() {
        return writers != null;
    }

    /**
     * How many instances {@link #instantiate} built through method handles: the first
     * {@value #INFLATION_THRESHOLD}, then only fallbacks from a generated writer that failed (for
     * tests: a writer that silently stopped working shows here).
     */
    long instancesBuiltThroughHandles() {
        return builtThroughHandles.sum();
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
     * The canonical-constructor arguments that rebuild the record {@code entity}: its {@link #values},
     * but a reference's object in place of the referenced id.
     */
    public Object[] components(Object entity) {
        Object[] values = values(entity);
        if (hasReferences) {
            for (PropertyModel property : properties) {
                if (property.reference() != null) {
                    values[property.position()] = property.reference().get(entity);
                }
            }
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
        Object[] values = components(entity);
        values[property.position()] = value;
        return instantiate(values);
    }

    @Override
    public String toString() {
        return "EntityModel[" + type.getSimpleName() + " -> " + table + "]";
    }
}
