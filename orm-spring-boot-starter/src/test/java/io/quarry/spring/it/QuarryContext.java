package io.quarry.spring.it;

import io.quarry.spring.boot.QuarryAutoConfiguration;
import io.quarry.spring.boot.QuarryEntities;
import io.quarry.testing.TestDatabase;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** An application context as Spring Boot would build it, on one of the test databases. */
final class QuarryContext {

    private QuarryContext() {
    }

    /**
     * The auto-configurations an application with the starter gets, on {@code db}'s shared pool (wrapped, so
     * that closing the context does not close the pool), with {@link Host} and {@link Account}, whose tables
     * are dropped and created afresh.
     */
    static ApplicationContextRunner on(TestDatabase db) {
        return on(db, db.dataSource());
    }

    /** The same on a pool of the test's own (e.g. {@link TestDatabase#newPool}), which the test closes. */
    static ApplicationContextRunner on(TestDatabase db, DataSource pool) {
        return entities(pool, Host.class, Account.class);
    }

    /** The same on {@code db}'s shared pool with {@code entities} instead of {@link Host} and {@link Account}. */
    static ApplicationContextRunner withEntities(TestDatabase db, Class<?>... entities) {
        return entities(db.dataSource(), entities);
    }

    private static ApplicationContextRunner entities(DataSource pool, Class<?>... entities) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class,
                        TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        PersistenceExceptionTranslationAutoConfiguration.class, QuarryAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DelegatingDataSource(pool))
                .withBean(QuarryEntities.class, () -> QuarryEntities.of(entities))
                .withPropertyValues("quarry.ddl-auto=drop-create");
    }
}
