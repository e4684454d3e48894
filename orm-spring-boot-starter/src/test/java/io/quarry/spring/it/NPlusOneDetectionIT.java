package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.quarry.NPlusOneException;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The N+1 detector through Spring: it counts the reads of each transaction's session,
 * {@code quarry.n-plus-one.*} configures it, and the warning names the application code, not the starter.
 */
@CrossDatabaseTest
class NPlusOneDetectionIT {

    private final TestDatabase db;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("io.quarry.NPlusOne");

    NPlusOneDetectionIT(TestDatabase db) {
        this.db = db;
    }

    /** logback-test.xml keeps the warnings other tests provoke out of the build's output; this test reads them. */
    private Level configuredLevel;

    @BeforeEach
    void captureWarnings() {
        configuredLevel = logger.getLevel();
        logger.setLevel(Level.WARN);
        logger.setAdditive(false);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
        logger.setAdditive(true);
        logger.setLevel(configuredLevel);
        db.dropTablesQuietly("spring_host", "spring_account");
    }

    private static List<Long> insertHosts(AssertableApplicationContext context, int count) {
        return transactions(context).execute(status -> {
            Session session = context.getBean(Session.class);
            for (int i = 0; i < count; i++) {
                session.add(new Host("host-" + i, 22));
            }
            session.flush();
            return session.query(Host.class).all().stream().map(Host::getId).sorted().toList();
        });
    }

    private static TransactionTemplate transactions(AssertableApplicationContext context) {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @Test
    void aLoopOfReadsInOneTransactionWarnsOnceNamingTheApplicationCode() {
        QuarryContext.on(db).run(context -> {
            List<Long> ids = insertHosts(context, 25);
            Session session = context.getBean(Session.class);

            transactions(context).executeWithoutResult(status -> {
                for (Long id : ids) {
                    session.query(Host.class).filterBy("id", id).one();
                }
            });

            assertThat(log.list).as("on %s", db).hasSize(1);
            ILoggingEvent warning = log.list.get(0);
            assertThat(warning.getLevel()).isEqualTo(Level.WARN);
            assertThat(warning.getFormattedMessage()).contains("21 times").contains("spring_host")
                    .contains("run from " + NPlusOneDetectionIT.class.getName() + ".");
        });
    }

    @Test
    void strictModeFromThePropertiesFailsTheReadAboveTheThresholdAndEachTransactionCountsAfresh() {
        QuarryContext.on(db).withPropertyValues("quarry.n-plus-one.mode=strict", "quarry.n-plus-one.threshold=5")
                .run(context -> {
                    List<Long> ids = insertHosts(context, 6);
                    Session session = context.getBean(Session.class);
                    for (int round = 0; round < 2; round++) {
                        transactions(context).executeWithoutResult(status ->
                                ids.subList(0, 5).forEach(id -> session.get(Host.class, id)));
                    }

                    assertThatThrownBy(() -> transactions(context).executeWithoutResult(status ->
                            ids.forEach(id -> session.get(Host.class, id))))
                            .as("on %s", db)
                            .isInstanceOf(InvalidDataAccessApiUsageException.class)
                            .hasCauseInstanceOf(NPlusOneException.class)
                            .hasMessageContaining("6 times (more than the threshold of 5)");
                    assertThat(log.list).isEmpty();
                });
    }

    @Test
    void readsOutsideATransactionRunInSessionsOfTheirOwnSoTheyAreNotCountedTogether() {
        QuarryContext.on(db).withPropertyValues("quarry.n-plus-one.mode=strict", "quarry.n-plus-one.threshold=5")
                .run(context -> {
                    List<Long> ids = insertHosts(context, 10);
                    Session session = context.getBean(Session.class);

                    ids.forEach(id -> assertThat(session.get(Host.class, id)).isNotNull());

                    assertThat(log.list).isEmpty();
                });
    }

    @Test
    void aThresholdOfZeroSwitchesTheDetectorOff() {
        QuarryContext.on(db).withPropertyValues("quarry.n-plus-one.threshold=0").run(context -> {
            List<Long> ids = insertHosts(context, 25);
            Session session = context.getBean(Session.class);

            transactions(context).executeWithoutResult(status -> ids.forEach(id -> session.get(Host.class, id)));

            assertThat(log.list).isEmpty();
        });
    }
}
