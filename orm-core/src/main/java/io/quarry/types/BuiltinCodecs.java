package io.quarry.types;

import io.quarry.types.BuiltinCodec.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * The codecs every engine starts with: strings, characters, all primitives and their boxes,
 * BigDecimal, BigInteger, byte[], UUID, java.time and java.sql date/time types. A dialect may
 * replace some (MySQL stores UUIDs as CHAR(36) and instants as UTC DATETIME). All but {@code BYTES} are one
 * class, {@link BuiltinCodec} (no lambda class each, which showed at start-up). Stateless.
 */
public final class BuiltinCodecs {

    /** Strings as {@code VARCHAR}. */
    public static final Codec<String> STRING = codec(Kind.STRING, SqlType.VARCHAR);

    /** Characters as one-character {@code CHAR}s. */
    public static final Codec<Character> CHARACTER = codec(Kind.CHARACTER, SqlType.CHAR);

    /** {@code boolean} and {@code Boolean}. */
    public static final Codec<Boolean> BOOLEAN = codec(Kind.BOOLEAN, SqlType.BOOLEAN);

    /** {@code byte} and {@code Byte}, as {@code SMALLINT}. */
    public static final Codec<Byte> BYTE = codec(Kind.BYTE, SqlType.SMALLINT);

    /** {@code short} and {@code Short}. */
    public static final Codec<Short> SHORT = codec(Kind.SHORT, SqlType.SMALLINT);

    /** {@code int} and {@code Integer}. */
    public static final Codec<Integer> INTEGER = codec(Kind.INTEGER, SqlType.INTEGER);

    /** {@code long} and {@code Long}. */
    public static final Codec<Long> LONG = codec(Kind.LONG, SqlType.BIGINT);

    /** {@code float} and {@code Float}. */
    public static final Codec<Float> FLOAT = codec(Kind.FLOAT, SqlType.REAL);

    /** {@code double} and {@code Double}. */
    public static final Codec<Double> DOUBLE = codec(Kind.DOUBLE, SqlType.DOUBLE);

    public static final Codec<BigDecimal> BIG_DECIMAL = codec(Kind.BIG_DECIMAL, SqlType.DECIMAL);

    /** BigIntegers as {@code DECIMAL}; a fraction read back is an error. */
    public static final Codec<BigInteger> BIG_INTEGER = codec(Kind.BIG_INTEGER, SqlType.DECIMAL);

    /** byte[] compared by content and copied for snapshots. */
    public static final Codec<byte[]> BYTES = new Codec<>() {
        @Override
        public SqlType sqlType() {
            return SqlType.VARBINARY;
        }

        @Override
        public void bind(java.sql.PreparedStatement statement, int index, byte[] value) throws SQLException {
            statement.setBytes(index, value);
        }

        @Override
        public byte[] read(ResultSet resultSet, int index) throws SQLException {
            return resultSet.getBytes(index);
        }

        @Override
        public byte[] snapshot(byte[] value) {
            return value == null ? null : value.clone();
        }

        @Override
        public boolean same(byte[] left, byte[] right) {
            return Arrays.equals(left, right);
        }
    };

    public static final Codec<LocalDate> LOCAL_DATE = codec(Kind.LOCAL_DATE, SqlType.DATE);

    public static final Codec<LocalTime> LOCAL_TIME = codec(Kind.LOCAL_TIME, SqlType.TIME);

    public static final Codec<LocalDateTime> LOCAL_DATE_TIME = codec(Kind.LOCAL_DATE_TIME, SqlType.TIMESTAMP);

    /** OffsetDateTimes as {@code TIMESTAMP WITH TIME ZONE}. */
    public static final Codec<OffsetDateTime> OFFSET_DATE_TIME = codec(Kind.OFFSET_DATE_TIME, SqlType.TIMESTAMP_TZ);

    public static final Codec<java.sql.Date> SQL_DATE = codec(Kind.SQL_DATE, SqlType.DATE);

    public static final Codec<java.sql.Time> SQL_TIME = codec(Kind.SQL_TIME, SqlType.TIME);

    public static final Codec<java.sql.Timestamp> SQL_TIMESTAMP = codec(Kind.SQL_TIMESTAMP, SqlType.TIMESTAMP);

    /** Instants as {@code TIMESTAMP WITH TIME ZONE}, bound as UTC OffsetDateTime. */
    public static final Codec<Instant> INSTANT = codec(Kind.INSTANT, SqlType.TIMESTAMP_TZ);

    /** Instants as a UTC {@code DATETIME}/{@code TIMESTAMP} without zone (for databases without one). */
    public static final Codec<Instant> INSTANT_AS_UTC_DATETIME = codec(Kind.INSTANT_AS_UTC_DATETIME, SqlType.TIMESTAMP_TZ);

    /** OffsetDateTimes stored as the UTC instant, read back at offset Z (databases without a zone type). */
    public static final Codec<OffsetDateTime> OFFSET_DATE_TIME_AS_UTC_DATETIME = codec(
            Kind.OFFSET_DATE_TIME_AS_UTC_DATETIME, SqlType.TIMESTAMP_TZ);

    /** UUIDs in the database's UUID type. */
    public static final Codec<java.util.UUID> UUID = codec(Kind.UUID, SqlType.UUID);

    /** UUIDs as their 36-character text, for databases without a UUID type. */
    public static final Codec<java.util.UUID> UUID_AS_CHAR = codec(Kind.UUID_AS_CHAR, SqlType.CHAR);

    private static <T> Codec<T> codec(Kind kind, SqlType sqlType) {
        return new BuiltinCodec<>(kind, sqlType);
    }

    private BuiltinCodecs() {
    }

    static void registerAll(CodecRegistry registry) {
        registry.register(String.class, STRING);
        registry.register(Character.class, CHARACTER);
        registry.register(char.class, CHARACTER);
        registry.register(Boolean.class, BOOLEAN);
        registry.register(boolean.class, BOOLEAN);
        registry.register(Byte.class, BYTE);
        registry.register(byte.class, BYTE);
        registry.register(Short.class, SHORT);
        registry.register(short.class, SHORT);
        registry.register(Integer.class, INTEGER);
        registry.register(int.class, INTEGER);
        registry.register(Long.class, LONG);
        registry.register(long.class, LONG);
        registry.register(Float.class, FLOAT);
        registry.register(float.class, FLOAT);
        registry.register(Double.class, DOUBLE);
        registry.register(double.class, DOUBLE);
        registry.register(BigDecimal.class, BIG_DECIMAL);
        registry.register(BigInteger.class, BIG_INTEGER);
        registry.register(byte[].class, BYTES);
        registry.register(java.util.UUID.class, UUID);
        registry.register(LocalDate.class, LOCAL_DATE);
        registry.register(LocalTime.class, LOCAL_TIME);
        registry.register(LocalDateTime.class, LOCAL_DATE_TIME);
        registry.register(Instant.class, INSTANT);
        registry.register(OffsetDateTime.class, OFFSET_DATE_TIME);
        registry.register(java.sql.Date.class, SQL_DATE);
        registry.register(java.sql.Time.class, SQL_TIME);
        registry.register(java.sql.Timestamp.class, SQL_TIMESTAMP);
    }
}
