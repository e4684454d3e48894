package io.quarry.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every test of the annotated class once per selected database ({@link TestDatabases#all()}),
 * shown as "[h2]", "[mysql]", "[postgresql]" in reports.
 *
 * <pre>{@code
 * @CrossDatabaseTest
 * class SomethingIT {
 *     private final TestDatabase db;
 *     SomethingIT(TestDatabase db) { this.db = db; }
 *     @Test void doesX() throws SQLException { try (var c = db.dataSource().getConnection()) { ... } }
 * }
 * }</pre>
 *
 * <p>Take the {@link TestDatabase} as the only constructor parameter: the constructor is where an
 * unreachable server is turned into a skipped test (or a failed one, when {@code QUARRY_TEST_DATABASES}
 * demands that server) before any {@code @BeforeEach} runs. A {@code @Parameter TestDatabase db} field
 * works too, but then the check happens at the first {@link TestDatabase#dataSource()} call. JUnit
 * rejects constructor injection with {@code @TestInstance(PER_CLASS)}; keep the default lifecycle.
 *
 * <p>A class that leaves a connection of a shared pool in use fails ({@link ConnectionLeakExtension}).
 *
 * <p>Built on JUnit's {@link ParameterizedClass}; an annotation carries no state, so thread safety
 * does not apply.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ParameterizedClass(name = "[{0}]")
@MethodSource("io.quarry.testing.TestDatabases#all")
@ExtendWith(DatabaseAvailabilityExtension.class)
@ExtendWith(ConnectionLeakExtension.class)
public @interface CrossDatabaseTest {
}
