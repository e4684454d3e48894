package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spring.it.events.Parcel;
import io.quarry.spring.it.events.ParcelEvents;
import io.quarry.spring.it.events.ParcelRepository;
import io.quarry.spring.repository.EnableQuarryRepositories;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Domain events through the starter: repository saves and deletes publish the entity's events through
 * the ApplicationEventPublisher inside the write's transaction, so {@code @EventListener}s run at once and
 * {@code @TransactionalEventListener(AFTER_COMMIT)}s only when (and if) that transaction commits.
 */
@CrossDatabaseTest
class DomainEventsIT {

    private final TestDatabase db;

    DomainEventsIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropParcels() {
        db.dropTablesQuietly("spring_parcel");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableQuarryRepositories(basePackageClasses = ParcelRepository.class)
    static class Repositories {
    }

    private ApplicationContextRunner context() {
        return QuarryContext.withEntities(db, Parcel.class).withUserConfiguration(Repositories.class)
                .withBean(ParcelEvents.class);
    }

    private static TransactionTemplate transactions(AssertableApplicationContext context) {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @Test
    void aSaveOutsideATransactionPublishesInItsOwnTransactionSoAfterCommitListenersHearIt() {
        context().run(context -> {
            ParcelRepository parcels = context.getBean(ParcelRepository.class);
            List<String> seen = context.getBean(ParcelEvents.class).seen;
            Parcel parcel = new Parcel(1L, "p-1").ship();

            parcels.save(parcel);

            assertThat(seen).containsExactly("published p-1", "committed p-1");
            assertThat(parcel.hasEvents()).as("cleared after publication").isFalse();
        });
    }

    @Test
    void inACallersTransactionAfterCommitListenersWaitForItsCommit() {
        context().run(context -> {
            ParcelRepository parcels = context.getBean(ParcelRepository.class);
            List<String> seen = context.getBean(ParcelEvents.class).seen;

            transactions(context).executeWithoutResult(status -> {
                parcels.saveAll(List.of(new Parcel(1L, "a").ship(), new Parcel(2L, "b").ship()));
                assertThat(seen).containsExactly("published a", "published b");
            });

            assertThat(seen).containsExactly("published a", "published b", "committed a", "committed b");
        });
    }

    @Test
    void aRolledBackTransactionNeverReachesAfterCommitListeners() {
        context().run(context -> {
            ParcelRepository parcels = context.getBean(ParcelRepository.class);
            List<String> seen = context.getBean(ParcelEvents.class).seen;

            transactions(context).executeWithoutResult(status -> {
                parcels.save(new Parcel(1L, "r").ship());
                status.setRollbackOnly();
            });

            assertThat(seen).containsExactly("published r", "rolled back r");
            assertThat(parcels.existsById(1L)).isFalse();
        });
    }

    @Test
    void aListenerThatThrowsRollsTheSaveBack() {
        context().run(context -> {
            ParcelRepository parcels = context.getBean(ParcelRepository.class);
            List<String> seen = context.getBean(ParcelEvents.class).seen;

            assertThatThrownBy(() -> parcels.save(new Parcel(1L, "fail-1").ship()))
                    .hasMessage("the listener refused fail-1");

            assertThat(parcels.existsById(1L)).isFalse();
            assertThat(seen).as("the multicaster stops at the failing listener; nothing commits")
                    .doesNotContain("committed fail-1");
        });
    }

    @Test
    void deletesOfEntitiesPublishButADeleteByIdHasNoEntityAndDoesNot() {
        context().run(context -> {
            ParcelRepository parcels = context.getBean(ParcelRepository.class);
            List<String> seen = context.getBean(ParcelEvents.class).seen;
            parcels.saveAll(List.of(new Parcel(1L, "a"), new Parcel(2L, "b"), new Parcel(3L, "c")));

            parcels.delete(parcels.findById(1L).orElseThrow().ship());
            parcels.deleteAll(List.of(parcels.findById(2L).orElseThrow().ship()));
            parcels.deleteById(3L);

            assertThat(seen).containsExactly("published a", "committed a", "published b", "committed b");
            assertThat(parcels.count()).isZero();
        });
    }
}
