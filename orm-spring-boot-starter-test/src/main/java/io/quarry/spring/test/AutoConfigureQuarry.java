package io.quarry.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;

/**
 * The auto-configurations of {@link QuarryTest @QuarryTest}, for a test that builds its own slice:
 * Spring Boot's JDBC ones ({@code @AutoConfigureJdbc}: DataSource, transaction manager,
 * {@code JdbcTemplate}, and Flyway or Liquibase when present), Quarry's (engine, session,
 * repositories, retries) and the {@link RecordedStatements} bean. The list is
 * {@code META-INF/spring/io.quarry.spring.test.AutoConfigureQuarry.imports}.
 *
 * <p>An annotation; thread safety does not apply.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@AutoConfigureJdbc
@ImportAutoConfiguration
public @interface AutoConfigureQuarry {
}
