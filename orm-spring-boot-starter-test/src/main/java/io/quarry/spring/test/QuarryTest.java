package io.quarry.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.annotation.Transactional;

/**
 * A test of the persistence layer alone, as Spring Boot's {@code @DataJdbcTest}: the application
 * context holds the DataSource, the transaction manager, {@code JdbcTemplate}, Quarry's engine,
 * session and repositories (plus Flyway or Liquibase when they are on the class path), and none of
 * the application's other beans.
 *
 * <ul>
 *   <li>Entities and repository interfaces are found under the package of the application's
 *       {@code @SpringBootConfiguration} (found as {@code @SpringBootTest} finds it, searching up from
 *       the test's package), as in the application; {@code @Service}, {@code @Component} and
 *       {@code @Controller} beans are not loaded, except {@code QuarryEngineCustomizer}s (they register
 *       the codecs entities need). Add others with {@code @Import} or {@link #includeFilters()}.</li>
 *   <li>An embedded database (H2, which the test class path must hold) replaces the configured one;
 *       {@code @AutoConfigureTestDatabase(replace = Replace.NONE)} keeps the configured one.</li>
 *   <li>Each test runs in a transaction that is rolled back at its end (change it as with any test,
 *       e.g. {@code @Transactional(propagation = NOT_SUPPORTED)} or {@code @Commit}).</li>
 *   <li>A {@link RecordedStatements} bean holds the statements Quarry ran during the current test.</li>
 *   <li>The N+1 detector is strict: a read that runs more than {@code quarry.n-plus-one.threshold}
 *       times in one test fails it with {@code NPlusOneException}. Set {@code quarry.n-plus-one.mode}
 *       in {@link #properties()} or a {@code @TestPropertySource} to change that; the application's own
 *       configuration files do not.</li>
 * </ul>
 *
 * <p>An annotation; thread safety does not apply.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(QuarryTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(QuarryTypeExcludeFilter.class)
@Transactional
@AutoConfigureQuarry
@AutoConfigureTestDatabase
@ImportAutoConfiguration
public @interface QuarryTest {

    /** Properties ({@code key=value}) added to the test's environment, above the application's configuration. */
    String[] properties() default {};

    /**
     * Whether the application's component scan is filtered as described above; {@code false} loads every
     * bean it finds, as the application would.
     */
    boolean useDefaultFilters() default true;

    /** Beans of the application's component scan to load although the slice would leave them out. */
    Filter[] includeFilters() default {};

    /** Beans of the application's component scan to leave out although the slice would load them. */
    Filter[] excludeFilters() default {};

    /** Auto-configurations of the slice to leave out of this test. */
    @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
    Class<?>[] excludeAutoConfiguration() default {};
}
