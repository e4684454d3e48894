package io.quarry.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who last inserted or updated the object: a property of the type the
 * auditing's {@code AuditorAware} answers. Set by the engine's auditing
 * ({@code Engine.builder(ds).auditing(...)}, or {@code @EnableQuarryAuditing} in the starter) just
 * before the flush writes the object, as Spring Data's {@code @LastModifiedBy}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface LastModifiedBy {

}
