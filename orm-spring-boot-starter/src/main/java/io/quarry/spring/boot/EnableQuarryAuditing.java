package io.quarry.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Turns on Quarry's auditing (as Spring Data's {@code @EnableJdbcAuditing}): before a flush writes an
 * object, its {@code @CreatedDate}/{@code @LastModifiedDate} properties get the time of the
 * application's {@link java.time.Clock} bean (else the system clock, UTC) and its
 * {@code @CreatedBy}/{@code @LastModifiedBy} properties what its {@link io.quarry.session.AuditorAware}
 * bean answers. The property {@code quarry.auditing.enabled=true} does the same.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(QuarryAuditingConfiguration.class)
public @interface EnableQuarryAuditing {
}
