package io.quarry.bench.springjdbc;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The Spring Data JDBC application: what spring-boot-starter-data-jdbc auto-configures (the JDBC
 * starter's configurations and repositories), entities and repositories from this package, and
 * {@link UnquotedIdentifiers}.
 */
@SpringBootConfiguration
@AutoConfigurationPackage
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, TransactionAutoConfiguration.class,
        DataJdbcRepositoriesAutoConfiguration.class})
@Import(UnquotedIdentifiers.class)
public class DataJdbcApp {
}
