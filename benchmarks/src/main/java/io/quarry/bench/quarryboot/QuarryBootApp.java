package io.quarry.bench.quarryboot;

import io.quarry.spring.boot.QuarryAutoConfiguration;
import io.quarry.spring.repository.QuarryRepositoriesAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

/**
 * The Quarry Spring Boot application: what orm-spring-boot-starter auto-configures (spring-boot-starter-jdbc's
 * configurations, Quarry's engine and shared session, its repositories), with the repository interfaces of
 * this package. The entities are the Session API contender's ({@code quarry.entity-packages}).
 */
@SpringBootConfiguration
@AutoConfigurationPackage
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, TransactionAutoConfiguration.class, QuarryAutoConfiguration.class,
        QuarryRepositoriesAutoConfiguration.class})
public class QuarryBootApp {
}
