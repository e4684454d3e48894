package io.quarry.mapping;

import io.quarry.MappingException;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import io.quarry.types.SqlType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads the annotations of one class into an {@link EntityModel}; every mapping mistake is reported here. */
final class EntityModelBuilder<T> {

    private static final int DEFAULT_PRECISION = 38;
    private static final int DEFAULT_SCALE = 2;
    private static final Set<Class<?>> VERSION_TYPES = Set.of(int.class, long.class, short.class, Integer.class,
            Long.class, Short.class);
    private static final Set<Class<?>> INTEGRAL_TYPES = Set.of(int.class, long.class, short.class, Integer.class,
            Long.class, Short.class, java.math.BigInteger.class);

    private final Class<T> type;
    private final CodecRegistry codecs;
    private final MethodHandles.Lookup lookup = MethodHandles.lookup();
    /** The field behind each property of a plain class, in property order. */
    private final List<Field> fields = new ArrayList<>();
    private final RelationBuilder relationBuilder;
    /** The collection fields ({@code @OneToMany}, {@code @ManyToMany}), built once the id is known. */
    private final List<Field> collections = new ArrayList<>();

    EntityModelBuilder(Class<T> type, CodecRegistry codecs) {
        this.type = type;
        this.codecs = codecs;
        this.relationBuilder = new RelationBuilder(type, codecs);
    }

    EntityModel<T> build() {
        if (!type.isAnnotationPresent(Entity.class)) {
            throw new MappingException("Class " + type.getName() + " is not an entity; annotate it with @"
                    + Entity.class.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isEnum()) {
            throw new MappingException("Entity " + type.getName() + " must be a concrete class or a record");
        }
        Table table = type.getAnnotation(Table.class);
        String tableName = table != null && !table.name().isBlank()
                ? Names.checkIdentifier(table.name(), "@Table(name) on " + type.getSimpleName())
                : Names.snakeCase(type.getSimpleName());
        List<PropertyModel> properties = type.isRecord() ? recordProperties() : classProperties();
        checkKeys(properties);
        List<RelationModel> relations = new ArrayList<>();
        for (PropertyModel property : properties) {
            if (property.reference() != null) {
                relations.add(property.reference());
            }
        }
        PropertyModel id = properties.stream().filter(PropertyModel::isId).findFirst().orElseThrow();
        for (Field field : collections) {
            relations.add(relationBuilder.collection(field, tableName, id));
        }
        MethodHandle constructor = type.isRecord() ? canonicalConstructor() : noArgConstructor();
        List<IndexModel> indexes = indexes(tableName, properties);
        return new EntityModel<>(type, tableName, properties, indexes, type.isRecord(), constructor, fields, relations);
    }

    private List<PropertyModel> classProperties() {
        Deque<Class<?>> hierarchy = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.push(c);
        }
        List<PropertyModel> properties = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                if (Modifier.isFinal(modifiers)) {
                    throw new MappingException("Field '" + type.getSimpleName() + "." + field.getName()
                            + "' is final, so Quarry cannot load it; remove 'final' or mark it @Transient");
                }
                if (RelationBuilder.isRelation(field)) {
                    if (field.isAnnotationPresent(SoftDelete.class)) {
                        throw new MappingException("@SoftDelete on relation '" + type.getSimpleName() + "."
                                + field.getName() + "' cannot mark a row deleted; put it on a boolean or a "
                                + "java.time field (e.g. 'Instant deletedAt') of " + type.getSimpleName());
                    }
                    if (field.isAnnotationPresent(OneToMany.class) || field.isAnnotationPresent(ManyToMany.class)) {
                        collections.add(field);
                    } else {
                        properties.add(relationBuilder.reference(field, properties.size()));
                        fields.add(field);
                    }
                    continue;
                }
                try {
                    field.setAccessible(true);
                    MethodHandle getter = lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
                    MethodHandle setter = lookup.unreflectSetter(field)
                            .asType(MethodType.methodType(void.class, Object.class, Object.class));
                    properties.add(property(field.getName(), field.getType(), field, properties.size(), getter, setter));
                    fields.add(field);
                } catch (IllegalAccessException | RuntimeException e) {
                    if (e instanceof MappingException mappingException) {
                        throw mappingException;
                    }
                    throw new MappingException("Cannot access field '" + type.getSimpleName() + "." + field.getName()
                            + "': " + e.getMessage() + "; if the class is in a named module, open its package to io.quarry", e);
                }
            }
        }
        return properties;
    }

    private List<PropertyModel> recordProperties() {
        List<PropertyModel> properties = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(Transient.class)) {
                throw new MappingException("Record component '" + type.getSimpleName() + "." + component.getName()
                        + "' is @Transient, but every component of a record entity is a column; move it out of the record "
                        + "or map a plain class instead");
            }
            Field field = componentField(component);
            if (RelationBuilder.isRelation(field)) {
                if (field.isAnnotationPresent(OneToMany.class) || field.isAnnotationPresent(ManyToMany.class)) {
                    throw new MappingException("Record component '" + type.getSimpleName() + "." + component.getName()
                            + "' is a @" + (field.isAnnotationPresent(OneToMany.class) ? "OneToMany" : "ManyToMany")
                            + " collection, but a record cannot hold a collection: its components are fixed when it is "
                            + "built, and a collection is loaded on first access or replaced on flush; map "
                            + type.getSimpleName() + " as a plain class, or query the elements through their own "
                            + "reference");
                }
                properties.add(relationBuilder.reference(field, properties.size()));
                continue;
            }
            try {
                component.getAccessor().setAccessible(true);
                MethodHandle getter = lookup.unreflect(component.getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
                properties.add(property(component.getName(), component.getType(), component, properties.size(), getter, null));
            } catch (IllegalAccessException e) {
                throw new MappingException("Cannot access record component '" + type.getSimpleName() + "."
                        + component.getName() + "': " + e.getMessage(), e);
            }
        }
        return properties;
    }

    /** The private field behind a record component: it carries the field-only annotations ({@code @ManyToOne}). */
    private Field componentField(RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new MappingException("Record " + type.getSimpleName() + " has no field for its component '"
                    + component.getName() + "'", e);
        }
    }

    @SuppressWarnings("unchecked")
    private PropertyModel property(String name, Class<?> javaType, AnnotatedElement element, int position,
            MethodHandle getter, MethodHandle setter) {
        String where = "field '" + type.getSimpleName() + "." + name + "'";
        Enumerated enumerated = element.getAnnotation(Enumerated.class);
        Codec<Object> codec = (Codec<Object>) codecs.lookup(javaType,
                enumerated != null && enumerated.value() == EnumType.ORDINAL);
        if (codec == null && javaType.isAnnotationPresent(Entity.class)) {
            throw new MappingException(where + " holds the entity " + javaType.getSimpleName() + (type.isRecord()
                    ? "; annotate it with @ManyToOne (or @OneToOne) to map a foreign key"
                    : "; annotate it with @ManyToOne (or @OneToOne) to map a foreign key, or mark it @Transient"));
        }
        if (codec == null && java.util.Collection.class.isAssignableFrom(javaType) && holdsEntities(element)) {
            throw new MappingException(where + " is a " + javaType.getSimpleName() + ", which is not a column; "
                    + "annotate it with @OneToMany(mappedBy = ...) or @ManyToMany to map a relation, or mark it @Transient");
        }
        if (codec == null) {
            throw new MappingException(where + " has type " + javaType.getName()
                    + ", which Quarry cannot map to a column; mark it @Transient or register a codec");
        }
        boolean id = element.isAnnotationPresent(Id.class);
        boolean version = element.isAnnotationPresent(Version.class);
        if (version && !VERSION_TYPES.contains(javaType)) {
            throw new MappingException(where + " is @Version but has type " + javaType.getName()
                    + "; a version must be int, long or short (or their boxes)");
        }
        if (id && version) {
            throw new MappingException(where + " cannot be both @Id and @Version");
        }
        boolean softDelete = element.isAnnotationPresent(SoftDelete.class);
        if (softDelete) {
            checkSoftDelete(where, javaType, id || version, element.getAnnotation(Column.class));
        }
        GeneratedValue generated = element.getAnnotation(GeneratedValue.class);
        if (generated != null && !id) {
            throw new MappingException(where + " has @GeneratedValue but is not the @Id; only ids are generated");
        }
        GenerationType generation = generated == null ? null : generated.strategy();
        checkGeneratedType(where, javaType, generation);
        Column column = element.getAnnotation(Column.class);
        String columnName = column != null && !column.name().isBlank()
                ? Names.checkIdentifier(column.name(), "@Column(name) on " + where)
                : Names.snakeCase(name);
        boolean nullable = !id && !javaType.isPrimitive() && (column == null || column.nullable());
        int length = column == null ? 255 : column.length();
        if (codec.sqlType() == SqlType.CHAR) {
            // fixed-width text types have one natural width; a @Column(length) is about strings
            length = javaType == UUID.class ? 36 : 1;
        }
        if (length <= 0) {
            throw new MappingException(where + " has @Column(length = " + length + "); the length must be positive");
        }
        int precision = column == null || column.precision() == 0 ? DEFAULT_PRECISION : column.precision();
        int scale = column == null || column.scale() < 0 ? (javaType == java.math.BigInteger.class ? 0 : DEFAULT_SCALE)
                : column.scale();
        if (scale > precision) {
            throw new MappingException(where + " has scale " + scale + " greater than precision " + precision);
        }
        SqlType sqlType = codec.sqlType();
        if (generation != null && generation != GenerationType.UUID && sqlType == SqlType.DECIMAL) {
            // a generated BigInteger id: identity columns and sequences are bigint on every database
            sqlType = SqlType.BIGINT;
        }
        boolean unique = column != null && column.unique();
        ColumnSpec spec = new ColumnSpec(sqlType, length, precision, scale, nullable, unique);
        return new PropertyModel(type, name, columnName, javaType, codec, spec, position, id, version, generation,
                getter, setter, null, softDelete);
    }

    /** A deleted flag is a {@code boolean} (false: live, so no row is neither); a deleted-at time is nullable. */
    private static void checkSoftDelete(String where, Class<?> javaType, boolean key, Column column) {
        if (key) {
            throw new MappingException(where + " cannot be both @SoftDelete and @Id or @Version; mark a column of its "
                    + "own, e.g. 'boolean deleted' or 'Instant deletedAt'");
        }
        if (javaType != boolean.class && !SoftDeletion.TIME_TYPES.contains(javaType)) {
            throw new MappingException(where + " is @SoftDelete but has type " + javaType.getName() + "; declare it "
                    + (javaType == Boolean.class ? "boolean (a primitive: false means not deleted, so no row is neither)"
                    : "boolean (a deleted flag) or Instant, LocalDateTime, OffsetDateTime or LocalDate (the time of the "
                    + "delete, null while the row is live)"));
        }
        if (javaType != boolean.class && column != null && !column.nullable()) {
            throw new MappingException(where + " is a @SoftDelete time, which is null while the row is live; remove "
                    + "@Column(nullable = false)");
        }
    }

    /** Whether a field or component is a collection of entities ({@code List<Host>}). */
    private static boolean holdsEntities(AnnotatedElement element) {
        java.lang.reflect.Type generic = element instanceof Field field ? field.getGenericType()
                : ((RecordComponent) element).getGenericType();
        return generic instanceof java.lang.reflect.ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> argument
                && argument.isAnnotationPresent(Entity.class);
    }

    private static void checkGeneratedType(String where, Class<?> javaType, GenerationType generation) {
        if (generation == null) {
            return;
        }
        if (generation == GenerationType.UUID && javaType != UUID.class && javaType != String.class) {
            throw new MappingException(where + " is @GeneratedValue(strategy = UUID) but has type " + javaType.getName()
                    + "; declare it as java.util.UUID or String");
        }
        if (generation != GenerationType.UUID && !INTEGRAL_TYPES.contains(javaType)) {
            throw new MappingException(where + " is @GeneratedValue(strategy = " + generation + ") but has type "
                    + javaType.getName() + "; declare it as Long (or Integer), or use strategy = UUID");
        }
    }

    private void checkKeys(List<PropertyModel> properties) {
        List<String> ids = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        Set<String> columns = new HashSet<>();
        for (PropertyModel property : properties) {
            if (property.isId()) {
                ids.add(property.name());
            }
            if (property.isVersion()) {
                versions.add(property.name());
            }
            if (property.isSoftDelete()) {
                marks.add(property.name());
            }
            if (!columns.add(property.column().toLowerCase())) {
                throw new MappingException("Entity " + type.getSimpleName() + " maps column '" + property.column()
                        + "' twice (again for " + property + "); give one of them another @Column(name)");
            }
        }
        if (ids.isEmpty()) {
            throw new MappingException("Entity " + type.getSimpleName() + " has no @Id; mark its primary key field with @"
                    + Id.class.getName());
        }
        if (ids.size() > 1) {
            throw new MappingException("Entity " + type.getSimpleName() + " has " + ids.size() + " @Id fields " + ids
                    + "; composite keys are not supported: keep one @Id and declare a unique @Index on the others");
        }
        if (marks.size() > 1) {
            throw new MappingException("Entity " + type.getSimpleName() + " has " + marks.size() + " @SoftDelete fields "
                    + marks + "; keep one: a flag or a time");
        }
        if (versions.size() > 1) {
            throw new MappingException("Entity " + type.getSimpleName() + " has " + versions.size() + " @Version fields "
                    + versions + "; keep one");
        }
    }

    private List<IndexModel> indexes(String table, List<PropertyModel> properties) {
        List<IndexModel> indexes = new ArrayList<>();
        for (Index index : type.getAnnotationsByType(Index.class)) {
            if (index.columns().length == 0) {
                throw new MappingException("@Index on entity " + type.getSimpleName() + " names no columns");
            }
            List<String> columns = new ArrayList<>();
            for (String name : index.columns()) {
                PropertyModel property = properties.stream()
                        .filter(p -> p.name().equals(name) || p.column().equalsIgnoreCase(name))
                        .findFirst()
                        .orElseThrow(() -> new MappingException("@Index on entity " + type.getSimpleName()
                                + " names unknown column '" + name + "'"
                                + Names.didYouMean(name, properties.stream().map(PropertyModel::name).toList())));
                columns.add(property.column());
            }
            String name = index.name().isBlank()
                    ? (index.unique() ? "ux_" : "ix_") + table + "_" + String.join("_", columns)
                    : Names.checkIdentifier(index.name(), "@Index(name) on " + type.getSimpleName());
            indexes.add(new IndexModel(name, columns, index.unique()));
        }
        return indexes;
    }

    private MethodHandle noArgConstructor() {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return lookup.unreflectConstructor(constructor).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            throw new MappingException("Entity " + type.getName() + " has no no-argument constructor; add one "
                    + "(any visibility, e.g. 'protected " + type.getSimpleName() + "() {}')", e);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new MappingException("Cannot access the constructor of " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private MethodHandle canonicalConstructor() {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
            return lookup.unreflectConstructor(constructor)
                    .asType(MethodType.methodType(Object.class, parameterTypes))
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new MappingException("Cannot use the canonical constructor of record " + type.getName() + ": "
                    + e.getMessage(), e);
        }
    }
}
