package io.quarry.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * One of {@link BuiltinCodecs} or {@link TemporalTextCodecs}: the JDBC setter and getter of its {@link Kind},
 * chosen by a switch. The
 * built-in codecs are this one class rather than two functions each, because every lambda is a class
 * the JVM spins when it is first used: 46 of them cost an engine's first start about 25 ms of CPU.
 * Stateless; thread-safe.
 *
 * @param <T> the Java type
 */
final class BuiltinCodec<T> implements Codec<T> {

    /** What is bound and read, and how. */
    enum Kind {
        STRING, CHARACTER, BOOLEAN, BYTE, SHORT, INTEGER, LONG, FLOAT, DOUBLE, BIG_DECIMAL, BIG_INTEGER,
        LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME, OFFSET_DATE_TIME, SQL_DATE, SQL_TIME, SQL_TIMESTAMP,
        /** As {@code TIMESTAMP WITH TIME ZONE}, bound as a UTC OffsetDateTime. */
        INSTANT,
        /** As a UTC date-time without zone. */
        INSTANT_AS_UTC_DATETIME,
        /** As the UTC date-time of its instant, read back at offset Z. */
        OFFSET_DATE_TIME_AS_UTC_DATETIME,
        UUID,
        /** As its 36-character text. */
        UUID_AS_CHAR,
        // TemporalTextCodecs': bound as text with six fractional digits, read as their namesakes above
        TEXT_LOCAL_DATE_TIME, TEXT_LOCAL_TIME, TEXT_INSTANT_AS_UTC_DATETIME, TEXT_OFFSET_DATE_TIME_AS_UTC_DATETIME,
        TEXT_SQL_TIMESTAMP, TEXT_SQL_TIME
    }

    /** The formats of the text kinds, made when one first binds. */
    private static final class TextFormats {
        static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
        static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    }

    private final Kind kind;
    private final SqlType sqlType;

    BuiltinCodec(Kind kind, SqlType sqlType) {
        this.kind = kind;
        this.sqlType = sqlType;
    }

    @Override
    public SqlType sqlType() {
        return sqlType;
    }

    @Override
    public void bind(PreparedStatement statement, int index, T value) throws SQLException {
        switch (kind) {
            case STRING -> statement.setString(index, (String) value);
            case CHARACTER -> statement.setString(index, String.valueOf((char) (Character) value));
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case BYTE -> statement.setShort(index, (Byte) value);
            case SHORT -> statement.setShort(index, (Short) value);
            case INTEGER -> statement.setInt(index, (Integer) value);
            case LONG -> statement.setLong(index, (Long) value);
            case FLOAT -> statement.setFloat(index, (Float) value);
            case DOUBLE -> statement.setDouble(index, (Double) value);
            case BIG_DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
            case BIG_INTEGER -> statement.setBigDecimal(index, new BigDecimal((BigInteger) value));
            case SQL_DATE -> statement.setDate(index, (java.sql.Date) value);
            case SQL_TIME -> statement.setTime(index, (java.sql.Time) value);
            case SQL_TIMESTAMP -> statement.setTimestamp(index, (java.sql.Timestamp) value);
            case INSTANT -> statement.setObject(index, ((Instant) value).atOffset(ZoneOffset.UTC));
            case INSTANT_AS_UTC_DATETIME -> statement.setObject(index, LocalDateTime.ofInstant((Instant) value,
                    ZoneOffset.UTC));
            case OFFSET_DATE_TIME_AS_UTC_DATETIME -> statement.setObject(index,
                    LocalDateTime.ofInstant(((OffsetDateTime) value).toInstant(), ZoneOffset.UTC));
            case UUID_AS_CHAR -> statement.setString(index, value.toString());
            case TEXT_LOCAL_DATE_TIME -> statement.setString(index, TextFormats.DATE_TIME.format((LocalDateTime) value));
            case TEXT_LOCAL_TIME -> statement.setString(index, TextFormats.TIME.format((LocalTime) value));
            case TEXT_INSTANT_AS_UTC_DATETIME -> statement.setString(index,
                    TextFormats.DATE_TIME.format(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC)));
            case TEXT_OFFSET_DATE_TIME_AS_UTC_DATETIME -> statement.setString(index, TextFormats.DATE_TIME.format(
                    LocalDateTime.ofInstant(((OffsetDateTime) value).toInstant(), ZoneOffset.UTC)));
            case TEXT_SQL_TIMESTAMP -> statement.setString(index,
                    TextFormats.DATE_TIME.format(((java.sql.Timestamp) value).toLocalDateTime()));
            // Time.toLocalTime() would drop the milliseconds a Time can carry
            case TEXT_SQL_TIME -> statement.setString(index, TextFormats.TIME.format(
                    new java.sql.Timestamp(((java.sql.Time) value).getTime()).toLocalDateTime()));
            // LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME, OFFSET_DATE_TIME, UUID: the driver's own mapping
            default -> statement.setObject(index, value);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T read(ResultSet resultSet, int index) throws SQLException {
        // assigned, not returned, so that each branch is boxed as it is (no numeric promotion between them)
        Object read = switch (kind) {
            case STRING -> resultSet.getString(index);
            case CHARACTER -> character(resultSet.getString(index));
            case BOOLEAN -> {
                boolean value = resultSet.getBoolean(index);
                yield resultSet.wasNull() ? null : value;
            }
            case BYTE -> {
                byte value = resultSet.getByte(index);
                yield resultSet.wasNull() ? null : value;
            }
            case SHORT -> {
                short value = resultSet.getShort(index);
                yield resultSet.wasNull() ? null : value;
            }
            case INTEGER -> {
                int value = resultSet.getInt(index);
                yield resultSet.wasNull() ? null : value;
            }
            case LONG -> {
                long value = resultSet.getLong(index);
                yield resultSet.wasNull() ? null : value;
            }
            case FLOAT -> {
                float value = resultSet.getFloat(index);
                yield resultSet.wasNull() ? null : value;
            }
            case DOUBLE -> {
                double value = resultSet.getDouble(index);
                yield resultSet.wasNull() ? null : value;
            }
            case BIG_DECIMAL -> resultSet.getBigDecimal(index);
            case BIG_INTEGER -> {
                BigDecimal value = resultSet.getBigDecimal(index);
                yield value == null ? null : value.toBigIntegerExact();
            }
            case LOCAL_DATE -> resultSet.getObject(index, LocalDate.class);
            case LOCAL_TIME, TEXT_LOCAL_TIME -> resultSet.getObject(index, LocalTime.class);
            case LOCAL_DATE_TIME, TEXT_LOCAL_DATE_TIME -> resultSet.getObject(index, LocalDateTime.class);
            case OFFSET_DATE_TIME -> resultSet.getObject(index, OffsetDateTime.class);
            case SQL_DATE -> resultSet.getDate(index);
            case SQL_TIME, TEXT_SQL_TIME -> resultSet.getTime(index);
            case SQL_TIMESTAMP, TEXT_SQL_TIMESTAMP -> resultSet.getTimestamp(index);
            case INSTANT -> {
                OffsetDateTime value = resultSet.getObject(index, OffsetDateTime.class);
                yield value == null ? null : value.toInstant();
            }
            case INSTANT_AS_UTC_DATETIME, TEXT_INSTANT_AS_UTC_DATETIME -> {
                LocalDateTime value = resultSet.getObject(index, LocalDateTime.class);
                yield value == null ? null : value.toInstant(ZoneOffset.UTC);
            }
            case OFFSET_DATE_TIME_AS_UTC_DATETIME, TEXT_OFFSET_DATE_TIME_AS_UTC_DATETIME -> {
                LocalDateTime value = resultSet.getObject(index, LocalDateTime.class);
                yield value == null ? null : value.atOffset(ZoneOffset.UTC);
            }
            case UUID -> resultSet.getObject(index, UUID.class);
            case UUID_AS_CHAR -> {
                String value = resultSet.getString(index);
                yield value == null ? null : UUID.fromString(value);
            }
        };
        return (T) read;
    }

    /** A CHAR read back: MySQL strips the trailing spaces of CHAR values, so a stored ' ' reads as "". */
    private static Character character(String value) {
        if (value == null) {
            return null;
        }
        return value.isEmpty() ? ' ' : value.charAt(0);
    }

    @Override
    public String toString() {
        return "Codec[" + sqlType + "]";
    }
}
