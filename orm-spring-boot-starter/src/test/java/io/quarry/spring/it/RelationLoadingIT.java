package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.quarry.SessionStateException;
import io.quarry.session.Engine;
import io.quarry.session.Query;
import io.quarry.session.Session;
import io.quarry.spring.it.relation.Badge;
import io.quarry.spring.it.relation.Machine;
import io.quarry.spring.it.relation.MachineRepository;
import io.quarry.spring.it.relation.Site;
import io.quarry.spring.it.relation.SiteRepository;
import io.quarry.spring.repository.EnableQuarryRepositories;
import io.quarry.spring.repository.QuarryRepositoriesAutoConfiguration;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Relations through the starter: the transaction's shared session and the short auto-commit sessions of reads
 * outside a transaction (repository methods, {@code @LoadWith}, the shared session's queries) load them with
 * exact statement counts, and a collection nobody loaded fails clearly once its short session is gone, on every
 * test database.
 */
@CrossDatabaseTest
class RelationLoadingIT {

    private static final String SITE_MACHINES_CLOSED = "Cannot load Site.machines of Site %d: the session that "
            + "loaded it is closed. Load it with the query (query(Site.class).with(\"machines\")) or declare it "
            + "fetch = SELECTIN";

    @Configuration(proxyBeanMethods = false)
    @EnableQuarryRepositories(basePackageClasses = SiteRepository.class)
    static class Repositories {
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    RelationLoadingIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_machine_badge", "spring_machine", "spring_badge", "spring_site");
    }

    private ApplicationContextRunner runner() {
        return QuarryContext.withEntities(db, Site.class, Machine.class, Badge.class)
                .withConfiguration(AutoConfigurations.of(QuarryRepositoriesAutoConfiguration.class))
                .withUserConfiguration(Repositories.class);
    }

    /** fra-1 (eu): web-1 [web, prod], web-2 [web]; fra-2 (eu): db-1 [prod]; iad-1 (us): web-3; then counts statements. */
    private void seed(AssertableApplicationContext context) {
        SiteRepository sites = context.getBean(SiteRepository.class);
        Badge web = new Badge("web");
        Badge prod = new Badge("prod");
        sites.saveAll(List.of(new Site("fra-1", "eu").add(new Machine("web-1", web, prod)).add(new Machine("web-2", web)),
                new Site("fra-2", "eu").add(new Machine("db-1", prod)), new Site("iad-1", "us").add(new Machine("web-3"))));
        context.getBean(Engine.class).addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    private List<String> take() {
        List<String> taken = List.copyOf(statements);
        statements.clear();
        return taken;
    }

    @Test
    void aRepositoryReadOutsideATransactionLoadsTheReferencesInItsShortSessionWithOneMoreStatement() {
        runner().run(context -> {
            seed(context);

            List<Machine> found = context.getBean(MachineRepository.class).findByHostnameStartingWithOrderByHostname("web");

            assertThat(take()).as("machines, then their sites in one IN on %s", db).satisfiesExactly(
                    sql -> assertThat(sql).startsWith("select").contains("from spring_machine where"),
                    sql -> assertThat(sql).startsWith("select").containsPattern("from spring_site where id (in|= any)"));
            assertThat(found).extracting(machine -> machine.getSite().getName()).containsExactly("fra-1", "fra-1", "iad-1");
            assertThat(found.get(0).getSite()).as("one object per site in the read").isSameAs(found.get(1).getSite());
            assertThat(activeConnections()).isZero();
        });
    }

    @Test
    void loadWithOutsideATransactionLoadsEveryPathWithTheRowsInOneStatementEach() {
        runner().run(context -> {
            seed(context);

            List<Site> europe = context.getBean(SiteRepository.class).findByRegionOrderByName("eu");

            assertThat(take()).as("sites, machines, badges on %s", db).satisfiesExactly(
                    sql -> assertThat(sql).startsWith("select").contains("from spring_site where"),
                    sql -> assertThat(sql).startsWith("select").containsPattern("from spring_machine where site_id (in|= any)"),
                    sql -> assertThat(sql).startsWith("select").contains("join spring_machine_badge"));
            assertThat(europe).extracting(Site::getName).containsExactly("fra-1", "fra-2");
            assertThat(europe.get(0).getMachines()).extracting(Machine::getHostname).containsExactlyInAnyOrder("web-1", "web-2");
            assertThat(europe.get(0).getMachines()).filteredOn(machine -> machine.getHostname().equals("web-1")).singleElement()
                    .satisfies(machine -> assertThat(machine.getBadges()).extracting(Badge::getName)
                            .containsExactlyInAnyOrder("web", "prod"));
            assertThat(europe.get(1).getMachines()).singleElement().satisfies(machine -> {
                assertThat(machine.getSite()).as("the back-reference is the site that loaded it").isSameAs(europe.get(1));
                assertThat(machine.getBadges()).extracting(Badge::getName).containsExactly("prod");
            });
            assertThat(take()).as("everything was loaded with the read").isEmpty();
            assertThat(activeConnections()).isZero();
        });
    }

    @Test
    void aCollectionNoneLoadedFailsAfterTheRepositorysShortReadSessionClosedNamingTheRelationAndTheFix() {
        runner().run(context -> {
            seed(context);

            Site site = context.getBean(SiteRepository.class).findByName("fra-1");

            assertThat(take()).as("the site alone on %s", db).hasSize(1);
            assertThatThrownBy(() -> site.getMachines().size())
                    .isInstanceOf(SessionStateException.class)
                    .hasMessage(SITE_MACHINES_CLOSED, site.getId());
            assertThat(take()).isEmpty();
            assertThat(activeConnections()).isZero();
        });
    }

    @Test
    void theSharedSessionsQueryOutsideATransactionLoadsWithItsRowsAndThenLetsItsSessionGo() {
        runner().run(context -> {
            seed(context);
            Session session = context.getBean(Session.class);

            List<Site> europe = session.query(Site.class).filterBy("region", "eu").with("machines.badges").all();
            assertThat(take()).as("sites, machines, badges on %s", db).hasSize(3);
            assertThat(europe).flatExtracting(Site::getMachines).extracting(Machine::getHostname)
                    .containsExactlyInAnyOrder("web-1", "web-2", "db-1");

            Site alone = session.query(Site.class).filterBy("name", "iad-1").one();
            assertThat(take()).hasSize(1);
            assertThatThrownBy(() -> alone.getMachines().isEmpty())
                    .isInstanceOf(SessionStateException.class)
                    .hasMessage(SITE_MACHINES_CLOSED, alone.getId());
            assertThat(take()).as("no statement, no connection taken").isEmpty();
            assertThat(activeConnections()).isZero();
        });
    }

    @Test
    void aQueryOfTheSharedSessionRunsAgainOutsideATransactionInAShortSessionOfItsOwn() {
        runner().run(context -> {
            seed(context);
            Query<Site> europe = context.getBean(Session.class).query(Site.class).filterBy("region", "eu");

            assertThat(europe.count()).isEqualTo(2);
            List<Site> first = europe.all();
            List<Site> second = europe.with("machines").all();

            assertThat(first).hasSize(2);
            assertThat(second).flatExtracting(Site::getMachines).hasSize(3);
            assertThat(take()).as("count, sites, sites and machines on %s", db).hasSize(4);
            assertThatThrownBy(() -> first.get(0).getMachines().size()).isInstanceOf(SessionStateException.class);
            assertThat(activeConnections()).isZero();
        });
    }

    @Test
    void aRepositoryStreamOutsideATransactionLetsItsSessionGoWhenClosed() {
        runner().run(context -> {
            seed(context);
            List<Site> europe;

            try (Stream<Site> stream = context.getBean(SiteRepository.class).streamByRegion("eu")) {
                europe = stream.toList();
            }

            assertThat(europe).hasSize(2);
            assertThatThrownBy(() -> europe.get(0).getMachines().size())
                    .isInstanceOf(SessionStateException.class)
                    .hasMessage(SITE_MACHINES_CLOSED, europe.get(0).getId());
            assertThat(activeConnections()).isZero();
        });
    }

    @Test
    void insideATransactionTheSharedSessionAndTheRepositoriesShareOneIdentityMapAndLoadEachRelationOnce() {
        runner().run(context -> {
            seed(context);
            Session session = context.getBean(Session.class);
            MachineRepository machines = context.getBean(MachineRepository.class);
            List<Site> outside = new java.util.ArrayList<>();

            new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
                List<Site> sites = session.query(Site.class).filterBy("region", "eu").all();
                assertThat(take()).as("the sites").hasSize(1);
                assertThat(sites.get(0).getMachines()).isNotEmpty();
                assertThat(take()).as("the machines of both sites, on first access, on %s", db).singleElement()
                        .asString().containsPattern("from spring_machine where site_id (in|= any)");
                assertThat(sites.get(1).getMachines()).singleElement().extracting(Machine::getBadges)
                        .satisfies(badges -> assertThat(badges).hasSize(1));
                assertThat(take()).as("the badges of all three machines, on first access").singleElement()
                        .asString().contains("join spring_machine_badge");

                List<Machine> web = machines.findByHostnameStartingWithOrderByHostname("web");
                assertThat(take()).as("the machines; their sites are held already or read in one IN").hasSize(2);
                assertThat(web.get(0)).isSameAs(sites.get(0).getMachines().stream()
                        .filter(machine -> machine.getHostname().equals("web-1")).findFirst().orElseThrow());
                assertThat(web.get(0).getSite()).isSameAs(sites.get(0));
                outside.add(web.get(2).getSite());
            });

            assertThat(outside.get(0).getName()).isEqualTo("iad-1");
            assertThatThrownBy(() -> outside.get(0).getMachines().size())
                    .as("the transaction's session is closed with it")
                    .isInstanceOf(SessionStateException.class)
                    .hasMessage(SITE_MACHINES_CLOSED, outside.get(0).getId());
            assertThat(activeConnections()).isZero();
        });
    }

    private int activeConnections() {
        return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
    }
}
