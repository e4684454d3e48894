package io.quarry.mapping;

import io.quarry.mapping.internal.TypedGetters;
import io.quarry.types.BuiltinCodecs;
import io.quarry.types.Codec;
import io.quarry.types.TemporalTextCodecs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which JDBC getter a generated reader calls for a property, by Java type: the typed
 * {@link java.sql.ResultSet} getter, {@code getObject(column, Type.class)}, or one of
 * {@link TypedGetters} (primitives and their boxes: the getter, then {@code wasNull}). Only where
 * the property's codec is a built-in one that reads exactly so; a type with a codec of its own
 * (user codecs, enums, char, BigInteger, Instant, the dialects' replacements that convert) keeps its
 * codec. Immutable.
 */
final class PlainGetters {

    /**
     * One getter.
     *
     * @param name the method name
     * @param descriptor its descriptor
     * @param helper whether it is a static method of {@link TypedGetters} (else a {@code ResultSet} method)
     * @param typeArgument the class {@code getObject} is asked for, or null
     */
    record Getter(String name, String descriptor, boolean helper, Class<?> typeArgument) {

        /** The owner of the method, as class files name it. */
        String owner() {
            return ClassFile.internalName(helper ? TypedGetters.class : java.sql.ResultSet.class);
        }
    }

    private record Entry(Getter getter, Set<Codec<?>> codecs) {
    }

    private static final Map<Class<?>, Entry> BY_TYPE = table();

    private PlainGetters() {
    }

    private static Map<Class<?>, Entry> table() {
        Map<Class<?>, Entry> table = new HashMap<>();
        resultSet(table, String.class, "getString", BuiltinCodecs.STRING);
        resultSet(table, BigDecimal.class, "getBigDecimal", BuiltinCodecs.BIG_DECIMAL);
        resultSet(table, byte[].class, "getBytes", BuiltinCodecs.BYTES);
        resultSet(table, java.sql.Date.class, "getDate", BuiltinCodecs.SQL_DATE);
        resultSet(table, java.sql.Time.class, "getTime", BuiltinCodecs.SQL_TIME, TemporalTextCodecs.TIME_OF_DAY);
        resultSet(table, java.sql.Timestamp.class, "getTimestamp", BuiltinCodecs.SQL_TIMESTAMP,
                TemporalTextCodecs.TIMESTAMP);
        object(table, UUID.class, BuiltinCodecs.UUID);
        object(table, LocalDate.class, BuiltinCodecs.LOCAL_DATE);
        object(table, LocalTime.class, BuiltinCodecs.LOCAL_TIME, TemporalTextCodecs.LOCAL_TIME);
        object(table, LocalDateTime.class, BuiltinCodecs.LOCAL_DATE_TIME, TemporalTextCodecs.LOCAL_DATE_TIME);
        object(table, OffsetDateTime.class, BuiltinCodecs.OFFSET_DATE_TIME);
        primitive(table, boolean.class, "boolean", BuiltinCodecs.BOOLEAN);
        primitive(table, byte.class, "byte", BuiltinCodecs.BYTE);
        primitive(table, short.class, "short", BuiltinCodecs.SHORT);
        primitive(table, int.class, "int", BuiltinCodecs.INTEGER);
        primitive(table, long.class, "long", BuiltinCodecs.LONG);
        primitive(table, float.class, "float", BuiltinCodecs.FLOAT);
        primitive(table, double.class, "double", BuiltinCodecs.DOUBLE);
        return Map.copyOf(table);
    }

    /** The getter for a property of {@code javaType} read by {@code codec}, or null: the codec reads it. */
    static Getter of(Class<?> javaType, Codec<?> codec) {
        Entry entry = BY_TYPE.get(javaType);
        return entry != null && entry.codecs().contains(codec) ? entry.getter() : null;
    }

    /** The Java types that have a getter (for tests). */
    static Set<Class<?>> types() {
        return BY_TYPE.keySet();
    }

    private static void resultSet(Map<Class<?>, Entry> table, Class<?> type, String name, Codec<?>... codecs) {
        add(table, type, new Getter(name, "(I)" + type.descriptorString(), false, null), codecs);
    }

    private static void object(Map<Class<?>, Entry> table, Class<?> type, Codec<?>... codecs) {
        add(table, type, new Getter("getObject", "(ILjava/lang/Class;)Ljava/lang/Object;", false, type), codecs);
    }

    /** {@code int} reads through {@code intValue}, {@code Integer} through {@code intOrNull}. */
    private static void primitive(Map<Class<?>, Entry> table, Class<?> type, String prefix, Codec<?> codec) {
        String parameters = "(Ljava/sql/ResultSet;I)";
        add(table, type, new Getter(prefix + "Value", parameters + type.descriptorString(), true, null), codec);
        Class<?> box = io.quarry.types.Numbers.boxed(type);
        add(table, box, new Getter(prefix + "OrNull", parameters + box.descriptorString(), true, null), codec);
    }

    private static void add(Map<Class<?>, Entry> table, Class<?> type, Getter getter, Codec<?>... codecs) {
        table.put(type, new Entry(getter, Set.copyOf(List.of(codecs))));
    }
}
