package io.quarry.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs the README's domain event samples in the README's application on H2. */
class ReadmeDomainEventsTest {

    @Test
    void aSavedShipmentsEventReachesTheListenerOnlyWhenItsTransactionCommits() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReadmeApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=jdbc:h2:mem:readme-events;DB_CLOSE_DELAY=-1",
                        "spring.main.banner-mode=off")
                .run()) {
            ShipmentRepository shipments = context.getBean(ShipmentRepository.class);
            DispatchNotifier notifier = context.getBean(DispatchNotifier.class);
            TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            shipments.save(new Shipment("Lyon").dispatch());
            transactions.executeWithoutResult(status -> {
                shipments.save(new Shipment("Oslo").dispatch());
                status.setRollbackOnly();
            });
            transactions.executeWithoutResult(status -> {
                shipments.save(new Shipment("Porto").dispatch());
                assertThat(notifier.notified).as("not before the commit").containsExactly("Lyon");
            });

            assertThat(notifier.notified).containsExactly("Lyon", "Porto");
            assertThat(shipments.count()).isEqualTo(2);
        }
    }
}
