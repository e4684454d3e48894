package io.quarry.bench.springjdbc;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * The one setting the Spring Data JDBC applications change: identifiers are not quoted. The shared
 * schema is created with unquoted names, which H2 stores in upper case; Spring Data JDBC quotes by
 * default and would look for a lower-case {@code "host"} there. {@code setForceQuote(false)} is the
 * switch its reference documentation gives for this.
 */
@Configuration(proxyBeanMethods = false)
public class UnquotedIdentifiers {

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
