package io.quarry.spring.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Turns the repository interfaces under the given packages (default: the package of the annotated
 * class) into beans. Without it, Spring Boot applications get the interfaces under the
 * {@code @SpringBootApplication} package; with it, only the packages named here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(QuarryRepositoriesRegistrar.class)
public @interface EnableQuarryRepositories {

    /** Packages to scan for interfaces extending {@code io.quarry.repository.Repository}. */
    String[] basePackages() default {};

    /** Classes whose packages are scanned; a type-safe alternative to {@link #basePackages()}. */
    Class<?>[] basePackageClasses() default {};
}
