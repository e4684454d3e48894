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
import java.util.UUID;

/**
 * The codecs every engine starts with: strings, characters, all primitives and their boxes,
 * BigDecimal, BigInteger, byte[], UUID, java.time and java.sql date/time types. A dialect may
 * replace some (MySQL stores UUIDs as CHAR(36) and instants as UTC DATETIME). Stateless.
 */
public final class BuiltinCodecs {

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

    /** UUIDs as their 36-character text, for databases without a UUID type. */
    public static final Codec<UUID> UUID_AS_CHAR = SimpleCodec.of(SqlType.CHAR,
            (st, i, v) -> st.setString(i, v.toString()),
            (rs, i) -> {
                String value = rs.getString(i);
                return value == null ? null : UUID.fromString(value);
            });

    private BuiltinCodecs() {
    }

    static void registerAll(CodecRegistry registry) {
        Codec<String> string = SimpleCodec.of(SqlType.VARCHAR, (st, i, v) -> st.setString(i, v), ResultSet::getString);
        registry.register(String.class, string);
        Codec<Character> character = SimpleCodec.of(SqlType.CHAR, (st, i, v) -> st.setString(i, String.valueOf(v)),
                (rs, i) -> {
                    String value = rs.getString(i);
                    if (value == null) {
                        return null;
                    }
                    // MySQL strips the trailing spaces of CHAR values, so a stored ' ' reads as ""
                    return value.isEmpty() ? ' ' : value.charAt(0);
                });
        registry.register(Character.class, character);
        registry.register(char.class, character);
        registerPrimitives(registry);
        registry.register(BigDecimal.class, SimpleCodec.of(SqlType.DECIMAL, (st, i, v) -> st.setBigDecimal(i, v),
                ResultSet::getBigDecimal));
        registry.register(BigInteger.class, SimpleCodec.of(SqlType.DECIMAL,
                (st, i, v) -> st.setBigDecimal(i, new BigDecimal(v)),
                (rs, i) -> {
                    BigDecimal value = rs.getBigDecimal(i);
                    return value == null ? null : value.toBigIntegerExact();
                }));
        registry.register(byte[].class, BYTES);
        registry.register(UUID.class, SimpleCodec.of(SqlType.UUID, (st, i, v) -> st.setObject(i, v),
                (rs, i) -> rs.getObject(i, UUID.class)));
        registerTime(registry);
    }

    private static void registerPrimitives(CodecRegistry registry) {
        Codec<Boolean> bool = SimpleCodec.of(SqlType.BOOLEAN, (st, i, v) -> st.setBoolean(i, v), (rs, i) -> {
            boolean value = rs.getBoolean(i);
            return rs.wasNull() ? null : value;
        });
        registry.register(Boolean.class, bool);
        registry.register(boolean.class, bool);
        Codec<Byte> tiny = SimpleCodec.of(SqlType.SMALLINT, (st, i, v) -> st.setShort(i, v), (rs, i) -> {
            byte value = rs.getByte(i);
            return rs.wasNull() ? null : value;
        });
        registry.register(Byte.class, tiny);
        registry.register(byte.class, tiny);
        Codec<Short> small = SimpleCodec.of(SqlType.SMALLINT, (st, i, v) -> st.setShort(i, v), (rs, i) -> {
            short value = rs.getShort(i);
            return rs.wasNull() ? null : value;
        });
        registry.register(Short.class, small);
        registry.register(short.class, small);
        Codec<Integer> integer = SimpleCodec.of(SqlType.INTEGER, (st, i, v) -> st.setInt(i, v), (rs, i) -> {
            int value = rs.getInt(i);
            return rs.wasNull() ? null : value;
        });
        registry.register(Integer.class, integer);
        registry.register(int.class, integer);
        Codec<Long> big = SimpleCodec.of(SqlType.BIGINT, (st, i, v) -> st.setLong(i, v), (rs, i) -> {
            long value = rs.getLong(i);
            return rs.wasNull() ? null : value;
        });
        registry.register(Long.class, big);
        registry.register(long.class, big);
        Codec<Float> real = SimpleCodec.of(SqlType.REAL, (st, i, v) -> st.setFloat(i, v), (rs, i) -> {
            float value = rs.getFloat(i);
            return rs.wasNull() ? null : value;
        });
        registry.register(Float.class, real);
        registry.register(float.class, real);
        Codec<Double> dbl = SimpleCodec.of(SqlType.DOUBLE, (st, i, v) -> st.setDouble(i, v), (rs, i) -> {
            double value = rs.getDouble(i);
            return rs.wasNull() ? null : value;
        });
        registry.register(Double.class, dbl);
        registry.register(double.class, dbl);
    }

    private static void registerTime(CodecRegistry registry) {
        registry.register(LocalDate.class, SimpleCodec.of(SqlType.DATE, (st, i, v) -> st.setObject(i, v),
                (rs, i) -> rs.getObject(i, LocalDate.class)));
        registry.register(LocalTime.class, SimpleCodec.of(SqlType.TIME, (st, i, v) -> st.setObject(i, v),
                (rs, i) -> rs.getObject(i, LocalTime.class)));
        registry.register(LocalDateTime.class, SimpleCodec.of(SqlType.TIMESTAMP, (st, i, v) -> st.setObject(i, v),
                (rs, i) -> rs.getObject(i, LocalDateTime.class)));
        registry.register(Instant.class, INSTANT);
        registry.register(OffsetDateTime.class, SimpleCodec.of(SqlType.TIMESTAMP_TZ, (st, i, v) -> st.setObject(i, v),
                (rs, i) -> rs.getObject(i, OffsetDateTime.class)));
        registry.register(java.sql.Date.class, SimpleCodec.of(SqlType.DATE, (st, i, v) -> st.setDate(i, v),
                ResultSet::getDate));
        registry.register(java.sql.Time.class, SimpleCodec.of(SqlType.TIME, (st, i, v) -> st.setTime(i, v),
                ResultSet::getTime));
        registry.register(java.sql.Timestamp.class, SimpleCodec.of(SqlType.TIMESTAMP,
                (st, i, v) -> st.setTimestamp(i, v), ResultSet::getTimestamp));
    }
}
