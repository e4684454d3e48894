package io.quarry.types;

import java.sql.ResultSet;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Date-time codecs that bind their values as text with six fractional digits
 * ({@code 2024-02-29 13:45:30.123456}) and read them as the built-ins do.
 *
 * <p>For MariaDB through mysql-connector-j: the server introduces itself as
 * {@code 5.5.5-10.x-MariaDB}, the driver concludes from the "5.5.5" that it cannot store fractional
 * seconds, and drops them from every bound {@code LocalDateTime}, {@code LocalTime},
 * {@code Timestamp} and {@code Time}, so microseconds written to a {@code datetime(6)} come back
 * as zero. Text literals are parsed by the server itself and keep them; reading is not affected.
 * Stateless.
 */
public final class TemporalTextCodecs {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    public static final Codec<LocalDateTime> LOCAL_DATE_TIME = SimpleCodec.of(SqlType.TIMESTAMP,
            (st, i, v) -> st.setString(i, DATE_TIME.format(v)),
            (rs, i) -> rs.getObject(i, LocalDateTime.class));

    public static final Codec<LocalTime> LOCAL_TIME = SimpleCodec.of(SqlType.TIME,
            (st, i, v) -> st.setString(i, TIME.format(v)),
            (rs, i) -> rs.getObject(i, LocalTime.class));

    /** Instants as a UTC datetime, like {@link BuiltinCodecs#INSTANT_AS_UTC_DATETIME}. */
    public static final Codec<Instant> INSTANT_AS_UTC_DATETIME = SimpleCodec.of(SqlType.TIMESTAMP_TZ,
            (st, i, v) -> st.setString(i, DATE_TIME.format(LocalDateTime.ofInstant(v, ZoneOffset.UTC))),
            (rs, i) -> {
                LocalDateTime value = rs.getObject(i, LocalDateTime.class);
                return value == null ? null : value.toInstant(ZoneOffset.UTC);
            });

    /** OffsetDateTimes as a UTC datetime, like {@link BuiltinCodecs#OFFSET_DATE_TIME_AS_UTC_DATETIME}. */
    public static final Codec<OffsetDateTime> OFFSET_DATE_TIME_AS_UTC_DATETIME = SimpleCodec.of(SqlType.TIMESTAMP_TZ,
            (st, i, v) -> st.setString(i, DATE_TIME.format(LocalDateTime.ofInstant(v.toInstant(), ZoneOffset.UTC))),
            (rs, i) -> {
                LocalDateTime value = rs.getObject(i, LocalDateTime.class);
                return value == null ? null : value.atOffset(ZoneOffset.UTC);
            });

    /** Timestamps in the JVM's zone, as {@code setTimestamp} would bind them. */
    public static final Codec<Timestamp> TIMESTAMP = SimpleCodec.of(SqlType.TIMESTAMP,
            (st, i, v) -> st.setString(i, DATE_TIME.format(v.toLocalDateTime())),
            ResultSet::getTimestamp);

    /** Times in the JVM's zone; {@link Time#toLocalTime()} would drop the milliseconds a Time can carry. */
    public static final Codec<Time> TIME_OF_DAY = SimpleCodec.of(SqlType.TIME,
            (st, i, v) -> st.setString(i, TIME.format(new Timestamp(v.getTime()).toLocalDateTime())),
            ResultSet::getTime);

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
