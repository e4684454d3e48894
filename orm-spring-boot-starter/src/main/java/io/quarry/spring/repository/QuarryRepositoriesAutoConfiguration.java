package io.quarry.spring.repository;

import io.quarry.repository.Repository;
import io.quarry.session.SessionFactory;
import io.quarry.spring.boot.QuarryAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;

/**
 * Makes the repository interfaces under the {@code @SpringBootApplication} package beans, unless
 * the application chose its packages with {@link EnableQuarryRepositories} or set
 * {@code quarry.repositories.enabled=false}.
 */
@AutoConfiguration(after = QuarryAutoConfiguration.class)
@ConditionalOnClass(Repository.class)
@ConditionalOnBean(SessionFactory.class)
@ConditionalOnMissingBean(QuarryRepositoryFactoryBean.class)
@ConditionalOnProperty(prefix = "quarry.repositories", name = "enabled", havingValue = "true", matchIfMissing = true)
@Import(AutoConfiguredRepositoriesRegistrar.class)
public class QuarryRepositoriesAutoConfiguration {
}
