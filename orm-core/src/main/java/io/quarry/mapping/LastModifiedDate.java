package io.quarry.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * When the object was last inserted or updated: a date property as for
 * {@link CreatedDate}, from the auditing's clock. Set by the engine's auditing
 * ({@code Engine.builder(ds).auditing(...)}, or {@code @EnableQuarryAuditing} in the starter) just
 * before the flush writes the object, as Spring Data's {@code @LastModifiedDate}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface LastModifiedDate {

}
