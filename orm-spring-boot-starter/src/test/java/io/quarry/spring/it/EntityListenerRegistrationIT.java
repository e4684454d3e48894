package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.EntityListener;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entity listener beans through the starter: each is registered for the entity its type argument
 * names, in {@code @Order}/{@link Ordered} order, and after-commit follows Spring's transaction.
 */
@CrossDatabaseTest
class EntityListenerRegistrationIT {

    static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

    private final TestDatabase db;

    EntityListenerRegistrationIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void release() {
        EVENTS.clear();
        db.dropTablesQuietly("spring_host", "spring_account");
    }

    @Order(2)
    static class SecondHostListener implements EntityListener<Host> {
        @Override
        public Host beforeInsert(Host host) {
            EVENTS.add("second " + host.getHostname());
            host.setHostname(host.getHostname() + "-2");
            return host;
        }

        @Override
        public void afterCommit(Host host) {
            EVENTS.add("committed " + host.getHostname());
        }
    }

    static class FirstHostListener implements EntityListener<Host>, Ordered {
        @Override
        public Host beforeInsert(Host host) {
            EVENTS.add("first " + host.getHostname());
            host.setHostname(host.getHostname() + "-1");
            return host;
        }

        @Override
        public int getOrder() {
            return 1;
        }
    }

    static class AccountListener implements EntityListener<Account> {
        @Override
        public Account beforeInsert(Account account) {
            EVENTS.add("account");
            return account;
        }
    }

    @Test
    void listenerBeansRunForTheirEntityInOrderAndAfterTheSpringTransactionCommits() {
        QuarryContext.on(db)
                .withBean(SecondHostListener.class)
                .withBean(AccountListener.class)
                .withBean(FirstHostListener.class)
                .run(context -> {
                    Session session = context.getBean(Session.class);
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                            .executeWithoutResult(status -> {
                                session.add(new Host("web", 22));
                                session.flush();
                                EVENTS.add("flushed");
                            });

                    assertThat(EVENTS).as("on %s", db)
                            .containsExactly("first web", "second web-1", "flushed", "committed web-1-2");
                    String stored = new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                            .execute(status -> session.query(Host.class).one().getHostname());
                    assertThat(stored).isEqualTo("web-1-2");
                });
    }
}
