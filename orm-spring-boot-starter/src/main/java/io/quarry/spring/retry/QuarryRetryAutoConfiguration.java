package io.quarry.spring.retry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Retry of transactions that failed transiently: a {@link RetryingTransactions} on the
 * application's transaction manager with the {@code quarry.retry.*} settings, and
 * {@link RetryEvents}, which counts and logs the transient failures of {@code @Retryable} methods
 * (those need {@code @EnableResilientMethods}, which stays the application's choice). Each bean
 * backs off when the application defines its own.
 */
@AutoConfiguration(after = {DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class})
@ConditionalOnClass(RetryPolicy.class)
@EnableConfigurationProperties(QuarryRetryProperties.class)
public class QuarryRetryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PlatformTransactionManager.class)
    RetryingTransactions quarryRetryingTransactions(PlatformTransactionManager transactionManager,
            QuarryRetryProperties properties) {
        RetryPolicy policy = RetryingTransactions.defaultPolicy()
                .maxRetries(properties.getMaxRetries())
                .delay(properties.getDelay())
                .jitter(properties.getJitter())
                .multiplier(properties.getMultiplier())
                .maxDelay(properties.getMaxDelay())
                .build();
        return new RetryingTransactions(transactionManager, policy);
    }

    @Bean
    @ConditionalOnMissingBean
    RetryEvents quarryRetryEvents() {
        return new RetryEvents();
    }
}
