package io.quarry.types;

import io.quarry.types.BuiltinCodec.Kind;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Date-time codecs that bind their values as text with six fractional digits
 * ({@code 2024-02-29 13:45:30.123456}) and read them as the built-ins do.
 *
 * <p>For MariaDB through mysql-connector-j: the server introduces itself as
 * {@code 5.5.5-10.x-MariaDB}, the driver concludes from the "5.5.5" that it cannot store fractional
 * seconds, and drops them from every bound {@code LocalDateTime}, {@code LocalTime},
 * {@code Timestamp} and {@code Time}, so microseconds written to a {@code datetime(6)} come back
 * as zero. Text literals are parsed by the server itself and keep them; reading is not affected.
 * They are {@link BuiltinCodec}s too (no lambda class each). Stateless.
 */
public final class TemporalTextCodecs {

    public static final Codec<LocalDateTime> LOCAL_DATE_TIME = codec(Kind.TEXT_LOCAL_DATE_TIME, SqlType.TIMESTAMP);

    public static final Codec<LocalTime> LOCAL_TIME = codec(Kind.TEXT_LOCAL_TIME, SqlType.TIME);

    /** Instants as a UTC datetime, like {@link BuiltinCodecs#INSTANT_AS_UTC_DATETIME}. */
    public static final Codec<Instant> INSTANT_AS_UTC_DATETIME = codec(Kind.TEXT_INSTANT_AS_UTC_DATETIME,
            SqlType.TIMESTAMP_TZ);

    /** OffsetDateTimes as a UTC datetime, like {@link BuiltinCodecs#OFFSET_DATE_TIME_AS_UTC_DATETIME}. */
    public static final Codec<OffsetDateTime> OFFSET_DATE_TIME_AS_UTC_DATETIME = codec(
            Kind.TEXT_OFFSET_DATE_TIME_AS_UTC_DATETIME, SqlType.TIMESTAMP_TZ);

    /** Timestamps in the JVM's zone, as {@code setTimestamp} would bind them. */
    public static final Codec<Timestamp> TIMESTAMP = codec(Kind.TEXT_SQL_TIMESTAMP, SqlType.TIMESTAMP);

    /** Times in the JVM's zone, with the milliseconds a {@link Time} can carry. */
    public static final Codec<Time> TIME_OF_DAY = codec(Kind.TEXT_SQL_TIME, SqlType.TIME);

    private static <T> Codec<T> codec(Kind kind, SqlType sqlType) {
        return new BuiltinCodec<>(kind, sqlType);
    }

    private TemporalTextCodecs() {
    }

    /** Registers every codec of this class over the built-ins. */
    public static void registerAll(CodecRegistry codecs) {
        codecs.register(LocalDateTime.class, LOCAL_DATE_TIME);
        codecs.register(LocalTime.class, LOCAL_TIME);
        codecs.register(Instant.class, INSTANT_AS_UTC_DATETIME);
        codecs.register(OffsetDateTime.class, OFFSET_DATE_TIME_AS_UTC_DATETIME);
        codecs.register(Timestamp.class, TIMESTAMP);
        codecs.register(Time.class, TIME_OF_DAY);
    }
}
