package io.quarry.spring.replica;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks a {@code DataSource} bean of the application as a read replica: Quarry sends read-only work
 * to it, round robin with the replicas of {@code quarry.replicas.nodes}. Declare it with
 * {@code @Bean(defaultCandidate = false)} so that it is injected nowhere by type and Spring Boot still
 * auto-configures the primary DataSource from {@code spring.datasource.*}:
 *
 * <pre>{@code
 * @Bean(defaultCandidate = false)
 * @QuarryReplica
 * DataSource reportingReplica() { ... }
 * }</pre>
 *
 * Also the qualifier that finds them: {@code @QuarryReplica List<DataSource>}.
 */
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface QuarryReplica {
}
