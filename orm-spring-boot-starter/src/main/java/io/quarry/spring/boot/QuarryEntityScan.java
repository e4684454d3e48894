package io.quarry.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * Names the packages Quarry scans for {@code @Entity} classes, instead of the application's package.
 * Put it on a {@code @Configuration} class; several are added together. The property
 * {@code quarry.entity-packages} takes precedence.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(QuarryEntityScanPackages.Registrar.class)
public @interface QuarryEntityScan {

    /** Alias for {@link #basePackages()}. */
    @AliasFor("basePackages")
    String[] value() default {};

    /** Packages to scan, sub-packages included. */
    @AliasFor("value")
    String[] basePackages() default {};

    /** Scan the packages of these classes: a type-safe alternative to {@link #basePackages()}. */
    Class<?>[] basePackageClasses() default {};
}
