package io.quarry.bench.startup;

import io.quarry.bench.springjdbc.UnquotedIdentifiers;
import io.quarry.spring.boot.QuarryAutoConfiguration;
import io.quarry.spring.boot.QuarryEntityScan;
import io.quarry.spring.repository.EnableQuarryRepositories;
import io.quarry.spring.repository.QuarryRepositoriesAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The Spring Boot applications of the start-up benchmark, each with what its starter
 * auto-configures: spring-boot-starter-jdbc (the floor), plus Hibernate and JPA repositories, or
 * plus JDBC repositories, or plus Quarry's starter; entities and repositories from the scanned packages ({@code one}: one
 * entity, {@code one} and {@code more}: fifty).
 */
public final class StartupApps {

    private static final String JPA = "io.quarry.bench.startup.jpa.";
    private static final String DATA_JDBC = "io.quarry.bench.startup.datajdbc.";
    private static final String QUARRY = "io.quarry.bench.startup.quarry.";

    private StartupApps() {
    }

    /** spring-boot-starter-jdbc alone: DataSource, JdbcTemplate, JdbcClient, transactions. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, TransactionAutoConfiguration.class})
    public static class JdbcFloor {
    }

    /** Spring Data JPA with one entity and repository. */
    @SpringBootConfiguration
    @AutoConfigurationPackage(basePackages = JPA + "one")
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, TransactionAutoConfiguration.class,
            HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class})
    public static class JpaOne {
    }

    /** Spring Data JPA with fifty entities and repositories. */
    @SpringBootConfiguration
    @AutoConfigurationPackage(basePackages = {JPA + "one", JPA + "more"})
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, TransactionAutoConfiguration.class,
            HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class})
    public static class JpaFifty {
    }

    /** Spring Data JDBC with one entity and repository. */
    @SpringBootConfiguration
    @AutoConfigurationPackage(basePackages = DATA_JDBC + "one")
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, TransactionAutoConfiguration.class,
            DataJdbcRepositoriesAutoConfiguration.class})
    @Import(UnquotedIdentifiers.class)
    public static class DataJdbcOne {
    }

    /** Spring Data JDBC with fifty entities and repositories. */
    @SpringBootConfiguration
    @AutoConfigurationPackage(basePackages = {DATA_JDBC + "one", DATA_JDBC + "more"})
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, TransactionAutoConfiguration.class,
            DataJdbcRepositoriesAutoConfiguration.class})
    @Import(UnquotedIdentifiers.class)
    public static class DataJdbcFifty {
    }

    /** The floor plus Quarry's starter, with one entity and repository. */
    @SpringBootConfiguration
    @QuarryEntityScan(QUARRY + "one")
    @EnableQuarryRepositories(basePackages = QUARRY + "one")
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, TransactionAutoConfiguration.class,
            QuarryAutoConfiguration.class, QuarryRepositoriesAutoConfiguration.class})
    public static class QuarryOne {
    }

    /** The floor plus Quarry's starter, with fifty entities and repositories. */
    @SpringBootConfiguration
    @QuarryEntityScan({QUARRY + "one", QUARRY + "more"})
    @EnableQuarryRepositories(basePackages = {QUARRY + "one", QUARRY + "more"})
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, TransactionAutoConfiguration.class,
            QuarryAutoConfiguration.class, QuarryRepositoriesAutoConfiguration.class})
    public static class QuarryFifty {
    }
}
