package io.quarry.spring.it;

import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.repository.Example;
import io.quarry.repository.ExampleMatcher;
import io.quarry.repository.Sort;
import io.quarry.spring.it.badrepo.BrokenRepository;
import io.quarry.spring.it.repo.HostRepository;
import io.quarry.spring.repository.EnableQuarryRepositories;
import io.quarry.spring.repository.QuarryRepositoriesAutoConfiguration;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Repository interfaces as Spring beans: scanning, transactions, translation, fragments, start-up checks. */
@CrossDatabaseTest
class RepositoryRegistrationIT {

    private final TestDatabase db;

    RepositoryRegistrationIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_host", "spring_account");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableQuarryRepositories(basePackageClasses = HostRepository.class)
    static class ExplicitPackages {
    }

    private ApplicationContextRunner withRepositories() {
        return QuarryContext.on(db)
                .withConfiguration(AutoConfigurations.of(QuarryRepositoriesAutoConfiguration.class))
                .withUserConfiguration(ExplicitPackages.class);
    }

    @Test
    void repositoriesUnderTheApplicationPackageBecomeBeans() {
        QuarryContext.on(db)
                .withConfiguration(AutoConfigurations.of(QuarryRepositoriesAutoConfiguration.class))
                .withInitializer(context -> AutoConfigurationPackages.register(
                        (org.springframework.beans.factory.support.BeanDefinitionRegistry) context.getBeanFactory(),
                        HostRepository.class.getPackageName()))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(HostRepository.class);
                    assertThat(context.getBean(HostRepository.class).count()).as("on %s", db).isZero();
                });
    }

    @Test
    void repositoriesCanBeTurnedOff() {
        QuarryContext.on(db)
                .withConfiguration(AutoConfigurations.of(QuarryRepositoriesAutoConfiguration.class))
                .withInitializer(context -> AutoConfigurationPackages.register(
                        (org.springframework.beans.factory.support.BeanDefinitionRegistry) context.getBeanFactory(),
                        HostRepository.class.getPackageName()))
                .withPropertyValues("quarry.repositories.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(HostRepository.class));
    }

    @Test
    void saveOutsideATransactionCommitsInATransactionOfItsOwn() {
        withRepositories().run(context -> {
            HostRepository hosts = context.getBean(HostRepository.class);
            Host saved = hosts.save(new Host("web-1", 22));
            assertThat(saved.getId()).isNotNull();
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("select count(*) from spring_host", Integer.class))
                    .as("committed on %s", db).isEqualTo(1);
            assertThat(hosts.findByHostname("web-1")).get().extracting(Host::getPort).isEqualTo(22);
        });
    }

    @Test
    void repositoryCallsJoinTheCallersTransactionAndRollBackWithIt() {
        withRepositories().run(context -> {
            HostRepository hosts = context.getBean(HostRepository.class);
            TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            List<Object> seen = new ArrayList<>();
            transaction.executeWithoutResult(status -> {
                hosts.save(new Host("web-1", 22));
                hosts.save(new Host("web-2", 22));
                seen.add(hosts.findByHostname("web-1").orElseThrow());
                seen.add(hosts.findByPortOrderByHostname(22).get(0));
                seen.add(hosts.countByPort(22));
                status.setRollbackOnly();
            });
            assertThat(seen.get(0)).as("one identity map in the transaction on %s", db).isSameAs(seen.get(1));
            assertThat(seen.get(2)).isEqualTo(2L);
            assertThat(hosts.count()).as("rolled back on %s", db).isZero();
        });
    }

    @Test
    void exceptionsArriveAsSpringDataAccessExceptions() {
        withRepositories().run(context -> {
            HostRepository hosts = context.getBean(HostRepository.class);
            hosts.save(new Host("web-1", 22));
            assertThatThrownBy(() -> hosts.save(new Host("web-1", 80))).as("on %s", db)
                    .isInstanceOf(DuplicateKeyException.class);
            hosts.save(new Host("web-2", 22));
            assertThatThrownBy(() -> hosts.findByPort(22)).as("two rows for a single result on %s", db)
                    .isInstanceOf(IncorrectResultSizeDataAccessException.class);
            assertThat(hosts.findByHostname(null)).as("null means IS NULL").isEmpty();
        });
    }

    @Test
    void customFragmentsAreMergedIntoTheProxy() {
        withRepositories().run(context -> {
            HostRepository hosts = context.getBean(HostRepository.class);
            hosts.save(new Host("web-1", 2222));
            assertThat(hosts.describe("web-1")).as("on %s", db).isEqualTo("web-1:2222");
        });
    }

    @Test
    void queryByExampleAndPredicateExecutorsAreImplementedByQuarry() {
        withRepositories().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeanNamesForType(HostRepository.class)).hasSize(1);
            HostRepository hosts = context.getBean(HostRepository.class);
            hosts.saveAll(List.of(new Host("web-1", 22), new Host("web-2", 22), new Host("db-1", 5432)));
            Host probe = new Host("web", 22);
            Example<Host> example = Example.of(probe, ExampleMatcher.matching().withStringMatcher(
                    ExampleMatcher.StringMatcher.STARTING));
            assertThat(hosts.findAll(example, Sort.by("hostname"))).as("on %s", db).extracting(Host::getHostname)
                    .containsExactly("web-1", "web-2");
            assertThat(hosts.count(col(Host::getPort).gt(1024))).isEqualTo(1);
            assertThat(hosts.delete(col(Host::getHostname).eq("db-1"))).isEqualTo(1);
            @SuppressWarnings({"unchecked", "rawtypes"})
            Example<Host> account = (Example) Example.of(new Account());
            assertThatThrownBy(() -> hosts.findAll(account)).as("bad input as Spring's API-misuse exception")
                    .isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasMessageContaining("the example's probe is a Account, but this repository reads Host");
        });
    }

    @Test
    void deleteByRunsOneStatementAndReturnsTheCount() {
        withRepositories().run(context -> {
            HostRepository hosts = context.getBean(HostRepository.class);
            hosts.saveAll(List.of(new Host("a", 1), new Host("b", 1), new Host("c", 2)));
            assertThat(hosts.deleteByPort(1)).as("on %s", db).isEqualTo(2);
            assertThat(hosts.count()).isEqualTo(1);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableQuarryRepositories(basePackageClasses = BrokenRepository.class)
    static class BrokenPackages {
    }

    @Test
    void aBadRepositoryMethodStopsTheStartWithTheFix() {
        QuarryContext.on(db).withUserConfiguration(BrokenPackages.class).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().hasMessageContaining(
                    "Cannot create query for method [BrokenRepository.findByHostnmae]")
                    .hasMessageContaining("did you mean 'hostname'?");
            FailureAnalysis analysis = analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("BrokenRepository.findByHostnmae");
        });
    }

    private static FailureAnalysis analyze(Throwable failure) throws Exception {
        assertThat(new String(RepositoryRegistrationIT.class.getResourceAsStream("/META-INF/spring.factories")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("io.quarry.spring.repository.RepositoryFailureAnalyzer");
        var constructor = Class.forName("io.quarry.spring.repository.RepositoryFailureAnalyzer").getDeclaredConstructor();
        constructor.setAccessible(true);
        return ((FailureAnalyzer) constructor.newInstance()).analyze(failure);
    }
}
