package io.quarry.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * When the object was inserted: an {@code Instant}, {@code LocalDateTime}, {@code OffsetDateTime},
 * {@code LocalDate}, {@code java.sql.Timestamp}, {@code java.sql.Date} or {@code long}/{@code Long}
 * (epoch milliseconds) property, from the auditing's clock. Set by the engine's auditing
 * ({@code Engine.builder(ds).auditing(...)}, or {@code @EnableQuarryAuditing} in the starter) just
 * before the flush writes the object, as Spring Data's {@code @CreatedDate}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface CreatedDate {

}
