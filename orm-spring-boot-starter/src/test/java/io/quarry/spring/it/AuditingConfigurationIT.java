package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.AuditorAware;
import io.quarry.session.Session;
import io.quarry.spring.boot.EnableQuarryAuditing;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Auditing through the starter: {@code @EnableQuarryAuditing} or {@code quarry.auditing.enabled=true}
 * stamps audited properties from the application's {@link AuditorAware} and {@link Clock} beans, and
 * without either nothing is stamped.
 */
@CrossDatabaseTest
class AuditingConfigurationIT {

    static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    private final TestDatabase db;

    AuditingConfigurationIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void release() {
        db.dropTablesQuietly("spring_audited_doc");
    }

    @Configuration(proxyBeanMethods = false)
    static class AuditorAndClock {
        @Bean
        AuditorAware<String> currentUser() {
            return () -> Optional.of("carol");
        }

        @Bean
        Clock fixedClock() {
            return Clock.fixed(NOON, ZoneOffset.UTC);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableQuarryAuditing
    static class AuditingOn {
    }

    private ApplicationContextRunner context() {
        return QuarryContext.withEntities(db, AuditedDocument.class).withUserConfiguration(AuditorAndClock.class);
    }

    private static AuditedDocument saveAndReload(AssertableApplicationContext context) {
        Session session = context.getBean(Session.class);
        TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        Long id = transactions.execute(status -> {
            AuditedDocument added = session.add(new AuditedDocument("plan"));
            session.flush();
            return added.id;
        });
        return transactions.execute(status -> session.get(AuditedDocument.class, id));
    }

    @Test
    void enableQuarryAuditingStampsFromTheAuditorAndClockBeans() {
        context().withUserConfiguration(AuditingOn.class).run(context -> {
            AuditedDocument document = saveAndReload(context);

            assertThat(document.createdAt).as("on %s", db).isEqualTo(NOON);
            assertThat(document.modifiedAt).isEqualTo(NOON);
            assertThat(document.createdBy).isEqualTo("carol");
            assertThat(document.modifiedBy).isEqualTo("carol");
        });
    }

    @Test
    void thePropertyTurnsAuditingOnAsTheAnnotationDoesAndBothTogetherStampOnce() {
        context().withPropertyValues("quarry.auditing.enabled=true").run(context -> {
            assertThat(saveAndReload(context).createdBy).as("on %s", db).isEqualTo("carol");
        });
        context().withPropertyValues("quarry.auditing.enabled=true").withUserConfiguration(AuditingOn.class)
                .run(context -> {
                    assertThat(context).getBeans(io.quarry.spring.boot.QuarryEngineCustomizer.class).hasSize(1);
                    assertThat(saveAndReload(context).createdAt).as("on %s", db).isEqualTo(NOON);
                });
    }

    @Test
    void withoutTheAnnotationOrThePropertyNothingIsStamped() {
        context().run(context -> {
            AuditedDocument document = saveAndReload(context);

            assertThat(document.createdAt).as("on %s", db).isNull();
            assertThat(document.createdBy).isNull();
        });
    }
}
