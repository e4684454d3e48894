package io.quarry.mapping;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The {@link SoftDelete} property of an entity and what it holds for a live and a deleted row: a flag
 * ({@code false}/{@code true}) or a time ({@code null}/the time of the delete, in UTC, to the microsecond
 * every database keeps). Immutable and thread-safe.
 */
public final class SoftDeletion {

    /** The types a deleted-at property may have. */
    static final List<Class<?>> TIME_TYPES = List.of(Instant.class, LocalDateTime.class, OffsetDateTime.class,
            LocalDate.class);

    private static final Clock UTC = Clock.systemUTC();

    private final PropertyModel property;
    private final boolean flag;

    SoftDeletion(PropertyModel property) {
        this.property = property;
        this.flag = property.javaType() == boolean.class;
    }

    /** The marked property. */
    public PropertyModel property() {
        return property;
    }

    /** Whether it is a deleted flag ({@code boolean}) rather than a time. */
    public boolean isFlag() {
        return flag;
    }

    /** What a deleted row holds: {@code true}, or the current time in the property's type. */
    public Object deletedValue() {
        if (flag) {
            return Boolean.TRUE;
        }
        Instant now = UTC.instant().truncatedTo(ChronoUnit.MICROS);
        Class<?> type = property.javaType();
        if (type == Instant.class) {
            return now;
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.ofInstant(now, UTC.getZone());
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.ofInstant(now, UTC.getZone());
        }
        return LocalDate.ofInstant(now, UTC.getZone());
    }

    /** What a live row holds: {@code false}, or {@code null} for a time. */
    public Object liveValue() {
        return flag ? Boolean.FALSE : null;
    }

    /** Whether {@code value}, read from this property, marks a deleted row. */
    public boolean isDeleted(Object value) {
        return flag ? Boolean.TRUE.equals(value) : value != null;
    }

    @Override
    public String toString() {
        return "@SoftDelete " + property;
    }
}
