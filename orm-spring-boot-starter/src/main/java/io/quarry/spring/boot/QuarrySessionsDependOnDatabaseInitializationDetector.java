package io.quarry.spring.boot;

import io.quarry.session.SessionFactory;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Tells Spring Boot that Quarry's {@link SessionFactory} (and so every session, repository and shared
 * {@code Session} bean) needs an initialized database: it starts after every database initializer,
 * Flyway, Liquibase, {@code schema.sql} and {@link QuarrySchemaInitializer} alike. Stateless.
 */
final class QuarrySessionsDependOnDatabaseInitializationDetector
        extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(SessionFactory.class);
    }
}
