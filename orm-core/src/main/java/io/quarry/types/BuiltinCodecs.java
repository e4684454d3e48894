package io.quarry.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The codecs every engine starts with: strings, characters, all primitives and their boxes,
 * BigDecimal, BigInteger, byte[], UUID, java.time and java.sql date/time types. A dialect may
 * replace some (MySQL stores UUIDs as CHAR(36) and instants as UTC DATETIME). Stateless.
 */
public final class BuiltinCodecs {

    /** Strings as {@code VARCHAR}. */
    public static final Codec<String> STRING = SimpleCodec.of(SqlType.VARCHAR, (st, i, v) -> st.setString(i, v),
            ResultSet::getString);

    /** Characters as one-character {@code CHAR}s. */
    public static final Codec<Character> CHARACTER = SimpleCodec.of(SqlType.CHAR,
            (st, i, v) -> st.setString(i, String.valueOf(v)),
            (rs, i) -> {
                String value = rs.getString(i);
                if (value == null) {
                    return null;
                }
                // MySQL strips the trailing spaces of CHAR values, so a stored ' ' reads as ""
                return value.isEmpty() ? ' ' : value.charAt(0);
            });

    /** {@code boolean} and {@code Boolean}. */
    public static final Codec<Boolean> BOOLEAN = SimpleCodec.of(SqlType.BOOLEAN, (st, i, v) -> st.setBoolean(i, v),
            (rs, i) -> {
                boolean value = rs.getBoolean(i);
                return rs.wasNull() ? null : value;
            });

    /** {@code byte} and {@code Byte}, as {@code SMALLINT}. */
    public static final Codec<Byte> BYTE = SimpleCodec.of(SqlType.SMALLINT, (st, i, v) -> st.setShort(i, v),
            (rs, i) -> {
                byte value = rs.getByte(i);
                return rs.wasNull() ? null : value;
            });

    /** {@code short} and {@code Short}. */
    public static final Codec<Short> SHORT = SimpleCodec.of(SqlType.SMALLINT, (st, i, v) -> st.setShort(i, v),
            (rs, i) -> {
                short value = rs.getShort(i);
                return rs.wasNull() ? null : value;
            });

    /** {@code int} and {@code Integer}. */
    public static final Codec<Integer> INTEGER = SimpleCodec.of(SqlType.INTEGER, (st, i, v) -> st.setInt(i, v),
            (rs, i) -> {
                int value = rs.getInt(i);
                return rs.wasNull() ? null : value;
            });

    /** {@code long} and {@code Long}. */
    public static final Codec<Long> LONG = SimpleCodec.of(SqlType.BIGINT, (st, i, v) -> st.setLong(i, v),
            (rs, i) -> {
                long value = rs.getLong(i);
                return rs.wasNull() ? null : value;
            });

    /** {@code float} and {@code Float}. */
    public static final Codec<Float> FLOAT = SimpleCodec.of(SqlType.REAL, (st, i, v) -> st.setFloat(i, v),
            (rs, i) -> {
                float value = rs.getFloat(i);
                return rs.wasNull() ? null : value;
            });

    /** {@code double} and {@code Double}. */
    public static final Codec<Double> DOUBLE = SimpleCodec.of(SqlType.DOUBLE, (st, i, v) -> st.setDouble(i, v),
            (rs, i) -> {
                double value = rs.getDouble(i);
                return rs.wasNull() ? null : value;
            });

    public static final Codec<BigDecimal> BIG_DECIMAL = SimpleCodec.of(SqlType.DECIMAL,
            (st, i, v) -> st.setBigDecimal(i, v), ResultSet::getBigDecimal);

    /** BigIntegers as {@code DECIMAL}; a fraction read back is an error. */
    public static final Codec<BigInteger> BIG_INTEGER = SimpleCodec.of(SqlType.DECIMAL,
            (st, i, v) -> st.setBigDecimal(i, new BigDecimal(v)),
            (rs, i) -> {
                BigDecimal value = rs.getBigDecimal(i);
                return value == null ? null : value.toBigIntegerExact();
            });

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

    public static final Codec<LocalDate> LOCAL_DATE = SimpleCodec.of(SqlType.DATE, (st, i, v) -> st.setObject(i, v),
            (rs, i) -> rs.getObject(i, LocalDate.class));

    public static final Codec<LocalTime> LOCAL_TIME = SimpleCodec.of(SqlType.TIME, (st, i, v) -> st.setObject(i, v),
            (rs, i) -> rs.getObject(i, LocalTime.class));

    public static final Codec<LocalDateTime> LOCAL_DATE_TIME = SimpleCodec.of(SqlType.TIMESTAMP,
            (st, i, v) -> st.setObject(i, v), (rs, i) -> rs.getObject(i, LocalDateTime.class));

    /** OffsetDateTimes as {@code TIMESTAMP WITH TIME ZONE}. */
    public static final Codec<OffsetDateTime> OFFSET_DATE_TIME = SimpleCodec.of(SqlType.TIMESTAMP_TZ,
            (st, i, v) -> st.setObject(i, v), (rs, i) -> rs.getObject(i, OffsetDateTime.class));

    public static final Codec<java.sql.Date> SQL_DATE = SimpleCodec.of(SqlType.DATE, (st, i, v) -> st.setDate(i, v),
            ResultSet::getDate);

    public static final Codec<java.sql.Time> SQL_TIME = SimpleCodec.of(SqlType.TIME, (st, i, v) -> st.setTime(i, v),
            ResultSet::getTime);

    public static final Codec<java.sql.Timestamp> SQL_TIMESTAMP = SimpleCodec.of(SqlType.TIMESTAMP,
            (st, i, v) -> st.setTimestamp(i, v), ResultSet::getTimestamp);

    /** Instants as {@code TIMESTAMP WITH TIME ZONE}, bound as UTC OffsetDateTime. */
    public static final Codec<Instant> INSTANT = SimpleCodec.of(SqlType.TIMESTAMP_TZ,
            (st, i, v) -> st.setObject(i, v.atOffset(ZoneOffset.UTC)),
            (rs, i) -> {
                OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            });

    /** Instants as a UTC {@code DATETIME}/{@code TIMESTAMP} without zone (for databases without one). */
    public static final Codec<Instant> INSTANT_AS_UTC_DATETIME = SimpleCodec.of(SqlType.TIMESTAMP_TZ,
            (st, i, v) -> st.setObject(i, LocalDateTime.ofInstant(v, ZoneOffset.UTC)),
            (rs, i) -> {
                LocalDateTime value = rs.getObject(i, LocalDateTime.class);
                return value == null ? null : value.toInstant(ZoneOffset.UTC);
            });

    /** OffsetDateTimes stored as the UTC instant, read back at offset Z (databases without a zone type). */
    public static final Codec<OffsetDateTime> OFFSET_DATE_TIME_AS_UTC_DATETIME = SimpleCodec.of(SqlType.TIMESTAMP_TZ,
            (st, i, v) -> st.setObject(i, LocalDateTime.ofInstant(v.toInstant(), ZoneOffset.UTC)),
            (rs, i) -> {
                LocalDateTime value = rs.getObject(i, LocalDateTime.class);
                return value == null ? null : value.atOffset(ZoneOffset.UTC);
            });

    /** UUIDs in the database's UUID type. */
    public static final Codec<java.util.UUID> UUID = SimpleCodec.of(SqlType.UUID, (st, i, v) -> st.setObject(i, v),
            (rs, i) -> rs.getObject(i, java.util.UUID.class));

    /** UUIDs as their 36-character text, for databases without a UUID type. */
    public static final Codec<java.util.UUID> UUID_AS_CHAR = SimpleCodec.of(SqlType.CHAR,
            (st, i, v) -> st.setString(i, v.toString()),
            (rs, i) -> {
                String value = rs.getString(i);
                return value == null ? null : java.util.UUID.fromString(value);
            });

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
