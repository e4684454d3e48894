package io.quarry.mapping;

import io.quarry.MappingException;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import io.quarry.types.SqlType;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the relation annotations of one entity's fields into {@link RelationModel}s, checking each
 * against the related class by reflection alone (the related model may not be built yet, or be
 * this one): every mistake names the class, the field and the fix.
 */
final class RelationBuilder {

    private static final List<Class<? extends Annotation>> ANNOTATIONS =
            List.of(ManyToOne.class, OneToOne.class, OneToMany.class, ManyToMany.class);

    private final Class<?> owner;
    private final CodecRegistry codecs;
    private final MethodHandles.Lookup lookup = MethodHandles.lookup();

    RelationBuilder(Class<?> owner, CodecRegistry codecs) {
        this.owner = owner;
        this.codecs = codecs;
    }

    /** Whether {@code field} carries a relation annotation (two of them is a mistake). */
    static boolean isRelation(Field field) {
        int found = 0;
        for (Class<? extends Annotation> annotation : ANNOTATIONS) {
            if (field.isAnnotationPresent(annotation)) {
                found++;
            }
        }
        if (found > 1) {
            throw new MappingException(where(field) + " has more than one of @ManyToOne, @OneToOne, @OneToMany and "
                    + "@ManyToMany; keep the one that describes the relation");
        }
        return found == 1;
    }

    /**
     * The reference of a {@link ManyToOne} or {@link OneToOne} field and its foreign-key column,
     * property number {@code position}.
     */
    PropertyModel reference(Field field, int position) {
        String where = where(field);
        Class<?> target = field.getType();
        if (Iterable.class.isAssignableFrom(target) || target.isArray() || java.util.Map.class.isAssignableFrom(target)) {
            throw new MappingException(where + " is a " + target.getSimpleName() + " but is annotated @"
                    + (field.isAnnotationPresent(ManyToOne.class) ? "ManyToOne" : "OneToOne")
                    + ", which holds one object; use @OneToMany(mappedBy = ...) or @ManyToMany for a collection");
        }
        checkEntity(where, target);
        ManyToOne many = field.getAnnotation(ManyToOne.class);
        OneToOne one = field.getAnnotation(OneToOne.class);
        String column = many != null ? many.column() : one.column();
        boolean optional = many != null ? many.optional() : one.optional();
        Fetch fetch = many != null ? many.fetch() : one.fetch();
        Cascade[] cascade = many != null ? many.cascade() : one.cascade();
        OnDelete onDelete = many != null ? many.onDelete() : one.onDelete();
        if (fetch == Fetch.LAZY) {
            throw new MappingException(where + " is a reference with fetch = LAZY, but a reference field cannot notice "
                    + "its first access, so it would be a silent null; use SELECTIN (the default) and load it with the "
                    + "query");
        }
        if (cascade(cascade).contains(Cascade.DELETE_ORPHAN)) {
            throw new MappingException(where + " is a reference with cascade DELETE_ORPHAN, which applies to "
                    + "collections; put it on the @OneToMany side");
        }
        if (onDelete == OnDelete.SET_NULL && !optional) {
            throw new MappingException(where + " has onDelete = SET_NULL but optional = false: the column cannot be "
                    + "set to NULL; make it optional or use CASCADE");
        }
        String columnName = column.isBlank() ? Names.snakeCase(field.getName()) + "_id"
                : Names.checkIdentifier(column, "@" + (many != null ? "ManyToOne" : "OneToOne") + "(column) on " + where);
        Member id = idOf(target, where);
        @SuppressWarnings("unchecked")
        Codec<Object> codec = (Codec<Object>) codecs.lookup(id.type(), false);
        ColumnSpec spec = keySpec(id, codec, optional, one != null);
        MethodHandle getter = getter(field);
        RelationModel relation = new RelationModel(owner, field.getName(),
                many != null ? RelationModel.Kind.MANY_TO_ONE : RelationModel.Kind.ONE_TO_ONE, target, false, fetch,
                cascade(cascade), onDelete, "", null, getter, owner.isRecord() ? null : setter(field));
        MethodHandle key = MethodHandles.filterReturnValue(getter, nullSafe(id.getter()));
        PropertyModel property = new PropertyModel(owner, field.getName(), columnName, id.type(), codec, spec, position,
                false, false, null, key, null, relation);
        relation.foreignKey(property);
        return property;
    }

    /** The relation of a {@link OneToMany} or {@link ManyToMany} field; {@code ownerId} is the owner's id. */
    RelationModel collection(Field field, String ownerTable, PropertyModel ownerId) {
        String where = where(field);
        Class<?> type = field.getType();
        boolean oneToMany = field.isAnnotationPresent(OneToMany.class);
        String annotation = oneToMany ? "@OneToMany" : "@ManyToMany";
        if (type != List.class && type != Set.class) {
            throw new MappingException(where + " is " + annotation + " but has type " + type.getName()
                    + "; declare it as java.util.List<...> or java.util.Set<...>"
                    + (Iterable.class.isAssignableFrom(type) || type.isArray() ? "" : " (for one object use @ManyToOne)"));
        }
        Class<?> target = elementType(field, where);
        checkEntity(where, target);
        boolean set = type == Set.class;
        Fetch fetch = oneToMany ? field.getAnnotation(OneToMany.class).fetch() : field.getAnnotation(ManyToMany.class).fetch();
        if (fetch == Fetch.JOINED) {
            throw new MappingException(where + " is a collection with fetch = JOINED, but a join would repeat each "
                    + owner.getSimpleName() + " once per element; use SELECTIN (one more statement for all owners) or LAZY");
        }
        if (oneToMany) {
            OneToMany mapping = field.getAnnotation(OneToMany.class);
            checkMappedByReference(where, target, mapping.mappedBy());
            return new RelationModel(owner, field.getName(), RelationModel.Kind.ONE_TO_MANY, target, set, mapping.fetch(),
                    cascade(mapping.cascade()), OnDelete.NO_ACTION, mapping.mappedBy(), null, getter(field),
                    setter(field));
        }
        ManyToMany mapping = field.getAnnotation(ManyToMany.class);
        Set<Cascade> cascade = cascade(mapping.cascade());
        if (cascade.contains(Cascade.DELETE) || cascade.contains(Cascade.DELETE_ORPHAN)) {
            throw new MappingException(where + " is @ManyToMany with cascade DELETE or DELETE_ORPHAN, but the elements "
                    + "may belong to other objects too; removing an element deletes only its join-table row");
        }
        RelationModel.JoinTable joinTable = null;
        if (!mapping.mappedBy().isEmpty()) {
            if (!mapping.joinTable().isEmpty() || !mapping.joinColumn().isEmpty()
                    || !mapping.inverseJoinColumn().isEmpty()) {
                throw new MappingException(where + " has mappedBy and join-table names; the owning side ("
                        + target.getSimpleName() + "." + mapping.mappedBy() + ") names the join table, remove them here");
            }
            checkMappedByCollection(where, target, mapping.mappedBy());
        } else {
            String targetTable = tableOf(target);
            String table = name(mapping.joinTable(), ownerTable + "_" + Names.snakeCase(field.getName()),
                    "@ManyToMany(joinTable) on " + where);
            String ownerColumn = name(mapping.joinColumn(), ownerTable + "_id", "@ManyToMany(joinColumn) on " + where);
            String targetColumn = name(mapping.inverseJoinColumn(), targetTable + "_id",
                    "@ManyToMany(inverseJoinColumn) on " + where);
            if (ownerColumn.equalsIgnoreCase(targetColumn)) {
                throw new MappingException(where + ": both columns of join table " + table + " would be named "
                        + ownerColumn + "; name them with @ManyToMany(joinColumn = ..., inverseJoinColumn = ...)");
            }
            Member targetId = idOf(target, where);
            ColumnSpec targetSpec = keySpec(targetId, codecs.lookup(targetId.type(), false), false, false);
            ColumnSpec ownerSpec = new ColumnSpec(keyType(ownerId.spec().sqlType(), ownerId.javaType()),
                    ownerId.spec().length(), ownerId.spec().precision(), ownerId.spec().scale(), false, false);
            joinTable = new RelationModel.JoinTable(table, ownerColumn, ownerSpec, targetColumn, targetSpec);
        }
        return new RelationModel(owner, field.getName(), RelationModel.Kind.MANY_TO_MANY, target, set, mapping.fetch(),
                cascade, OnDelete.NO_ACTION, mapping.mappedBy(), joinTable, getter(field), setter(field));
    }

    // ---- checks against the related class

    private void checkEntity(String where, Class<?> target) {
        if (!target.isAnnotationPresent(Entity.class)) {
            throw new MappingException(where + " relates to " + target.getName() + ", which is not an entity; annotate "
                    + target.getSimpleName() + " with @Entity, or map the field as a column");
        }
        if (target.isRecord()) {
            throw new MappingException(where + " relates to record " + target.getSimpleName() + ", but a related entity "
                    + "must be a plain class: a flush rebuilds a record to give it its generated id or version, and the "
                    + "objects that refer to it would keep the old instance; map " + target.getSimpleName()
                    + " as a plain class (a record may hold references, but not be their target)");
        }
    }

    private void checkMappedByReference(String where, Class<?> target, String mappedBy) {
        Field back = field(target, mappedBy);
        List<String> candidates = new ArrayList<>();
        for (Field field : fields(target)) {
            if ((field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToOne.class))
                    && field.getType().isAssignableFrom(owner)) {
                candidates.add(field.getName());
            }
        }
        if (back == null) {
            throw new MappingException(where + " has mappedBy = \"" + mappedBy + "\", but " + target.getSimpleName()
                    + " has no field '" + mappedBy + "'" + hint(mappedBy, candidates, target));
        }
        if (!back.isAnnotationPresent(ManyToOne.class) && !back.isAnnotationPresent(OneToOne.class)) {
            throw new MappingException(where + " has mappedBy = \"" + mappedBy + "\", but " + target.getSimpleName() + "."
                    + mappedBy + " is not a @ManyToOne; mappedBy names the reference back to " + owner.getSimpleName()
                    + hint(mappedBy, candidates, target));
        }
        if (!back.getType().isAssignableFrom(owner)) {
            throw new MappingException(where + " has mappedBy = \"" + mappedBy + "\", but " + target.getSimpleName() + "."
                    + mappedBy + " refers to " + back.getType().getSimpleName() + ", not " + owner.getSimpleName()
                    + hint(mappedBy, candidates, target));
        }
    }

    private void checkMappedByCollection(String where, Class<?> target, String mappedBy) {
        Field back = field(target, mappedBy);
        List<String> candidates = new ArrayList<>();
        for (Field field : fields(target)) {
            if (field.isAnnotationPresent(ManyToMany.class)) {
                candidates.add(field.getName());
            }
        }
        if (back == null || !back.isAnnotationPresent(ManyToMany.class)) {
            throw new MappingException(where + " has mappedBy = \"" + mappedBy + "\", but " + target.getSimpleName()
                    + (back == null ? " has no field '" + mappedBy + "'" : "." + mappedBy + " is not a @ManyToMany")
                    + hint(mappedBy, candidates, target));
        }
        if (!back.getAnnotation(ManyToMany.class).mappedBy().isEmpty()) {
            throw new MappingException(where + " has mappedBy = \"" + mappedBy + "\", but " + target.getSimpleName() + "."
                    + mappedBy + " has a mappedBy too; exactly one side (the owner) has no mappedBy");
        }
        if (elementType(back, where(back)) != owner) {
            throw new MappingException(where + " has mappedBy = \"" + mappedBy + "\", but " + target.getSimpleName() + "."
                    + mappedBy + " holds " + elementType(back, where(back)).getSimpleName() + ", not " + owner.getSimpleName());
        }
    }

    private String hint(String name, List<String> candidates, Class<?> target) {
        if (candidates.isEmpty()) {
            return "; add a reference to " + owner.getSimpleName() + " in " + target.getSimpleName() + " to map it by";
        }
        return Names.didYouMean(name, candidates);
    }

    // ---- the related class, by reflection

    /** The id of an entity class: its {@code @Id} field's type and getter. */
    record Member(Class<?> type, MethodHandle getter, Field field) {
    }

    private Member idOf(Class<?> target, String where) {
        for (Field field : fields(target)) {
            if (field.isAnnotationPresent(Id.class)) {
                try {
                    field.setAccessible(true);
                    MethodHandle getter = lookup.unreflectGetter(field)
                            .asType(MethodType.methodType(Object.class, Object.class));
                    return new Member(field.getType(), getter, field);
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new MappingException(where + ": cannot read the id of " + target.getName() + ": " + e.getMessage(),
                            e);
                }
            }
        }
        throw new MappingException(where + " relates to " + target.getSimpleName() + ", which has no @Id; mark its "
                + "primary key");
    }

    /** The column spec of a foreign key to {@code id}: the id's type, never generated. */
    private ColumnSpec keySpec(Member id, Codec<?> codec, boolean nullable, boolean unique) {
        if (codec == null) {
            throw new MappingException("The id of " + id.field().getDeclaringClass().getSimpleName() + " has type "
                    + id.type().getName() + ", which Quarry cannot map to a column");
        }
        Column column = id.field().getAnnotation(Column.class);
        int length = id.type() == UUID.class ? 36 : column == null ? 255 : column.length();
        int precision = column == null || column.precision() == 0 ? 38 : column.precision();
        int scale = id.type() == java.math.BigInteger.class || column == null || column.scale() < 0 ? 0 : column.scale();
        return new ColumnSpec(keyType(codec.sqlType(), id.type()), length, precision, scale, nullable, unique);
    }

    /** A generated BigInteger id is bigint (see {@link EntityModelBuilder}); a key to it is too. */
    private static SqlType keyType(SqlType type, Class<?> javaType) {
        return type == SqlType.DECIMAL && javaType == java.math.BigInteger.class ? SqlType.BIGINT : type;
    }

    static String tableOf(Class<?> entity) {
        Table table = entity.getAnnotation(Table.class);
        return table != null && !table.name().isBlank() ? table.name() : Names.snakeCase(entity.getSimpleName());
    }

    private static String name(String given, String fallback, String where) {
        return given.isBlank() ? fallback : Names.checkIdentifier(given, where);
    }

    private static Class<?> elementType(Field field, String where) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        throw new MappingException(where + " is a collection without a plain element type (" + generic.getTypeName()
                + "); declare it as List<Entity> or Set<Entity>");
    }

    private static Field field(Class<?> type, String name) {
        for (Field field : fields(type)) {
            if (field.getName().equals(name)) {
                return field;
            }
        }
        return null;
    }

    /** The instance fields of {@code type} and its superclasses. */
    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static Set<Cascade> cascade(Cascade[] cascade) {
        Set<Cascade> set = EnumSet.noneOf(Cascade.class);
        set.addAll(List.of(cascade));
        return set;
    }

    private MethodHandle getter(Field field) {
        try {
            field.setAccessible(true);
            return lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new MappingException("Cannot access " + where(field) + ": " + e.getMessage()
                    + "; if the class is in a named module, open its package to io.quarry", e);
        }
    }

    private MethodHandle setter(Field field) {
        try {
            return lookup.unreflectSetter(field).asType(MethodType.methodType(void.class, Object.class, Object.class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new MappingException("Cannot access " + where(field) + ": " + e.getMessage(), e);
        }
    }

    /** {@code getter} that returns null for a null argument instead of failing. */
    private static MethodHandle nullSafe(MethodHandle getter) {
        MethodHandle isNull = IS_NULL;
        MethodHandle constantNull = MethodHandles.dropArguments(MethodHandles.constant(Object.class, null), 0,
                Object.class);
        return MethodHandles.guardWithTest(isNull, constantNull, getter);
    }

    private static final MethodHandle IS_NULL;

    static {
        try {
            IS_NULL = MethodHandles.lookup().findStatic(Objects.class, "isNull",
                    MethodType.methodType(boolean.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static String where(Field field) {
        return "field '" + field.getDeclaringClass().getSimpleName() + "." + field.getName() + "'";
    }
}
