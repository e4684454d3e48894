package io.quarry.bench.springjdbc;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * The Spring Data JDBC application: what spring-boot-starter-data-jdbc auto-configures (the JDBC
 * starter's configurations and repositories), entities and repositories from this package.
 *
 * <p>One setting differs from the defaults: identifiers are not quoted. The shared schema is created
 * with unquoted names, which H2 stores in upper case; Spring Data JDBC quotes by default and would
 * look for a lower-case {@code "host"} there. {@code setForceQuote(false)} is the switch its
 * reference documentation gives for this.
 */
@SpringBootConfiguration
@AutoConfigurationPackage
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, TransactionAutoConfiguration.class,
        DataJdbcRepositoriesAutoConfiguration.class})
public class DataJdbcApp {

    @Bean
    static BeanPostProcessor unquotedIdentifiers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setForceQuote(false);
                }
                return bean;
            }
        };
    }
}
