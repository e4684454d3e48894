package io.quarry.spring.boot;

import io.quarry.session.AuditorAware;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auditing on the auto-configured engine, imported by {@link EnableQuarryAuditing} or
 * {@code quarry.auditing.enabled=true} (once when both): the unique {@link AuditorAware} bean, if
 * any, and the unique {@link Clock} bean, else the system clock in UTC.
 */
@Configuration(proxyBeanMethods = false)
class QuarryAuditingConfiguration {

    @Bean
    QuarryEngineCustomizer quarryAuditing(ObjectProvider<AuditorAware<?>> auditor, ObjectProvider<Clock> clock) {
        return builder -> builder.auditing(auditor.getIfUnique(), clock.getIfUnique());
    }
}
