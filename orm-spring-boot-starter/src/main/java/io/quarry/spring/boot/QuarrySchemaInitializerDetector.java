package io.quarry.spring.boot;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Tells Spring Boot that {@link QuarrySchemaInitializer} initializes the database, so that beans
 * which depend on database initialization ({@code JdbcTemplate}, {@code JdbcClient},
 * {@code @DependsOnDatabaseInitialization} beans) start after it. It comes after the other
 * initializers (Flyway, Liquibase, schema.sql), so {@code quarry.ddl-auto=validate} checks the
 * migrated schema. Stateless.
 */
final class QuarrySchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(QuarrySchemaInitializer.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
