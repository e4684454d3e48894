package io.quarry.spring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.session.Session;
import io.quarry.spring.actuate.QuarryDescriptor;
import io.quarry.spring.actuate.QuarryEndpoint;
import io.quarry.spring.actuate.QuarryEndpointAutoConfiguration;
import io.quarry.spring.actuate.QuarryStatementStatistics;
import io.quarry.spring.it.repo.HostRepository;
import io.quarry.spring.repository.EnableQuarryRepositories;
import io.quarry.spring.repository.QuarryRepositoriesAutoConfiguration;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code quarry} actuator endpoint's content on each database: entities with tables and columns,
 * repositories with the SQL of their methods, statement statistics by kind, N+1 findings, and no data value;
 * and that it (and the statistics it needs) exists only when the endpoint is exposed.
 */
@CrossDatabaseTest
class QuarryEndpointIT {

    private static final String SECRET = "secret-host-4711";

    private final TestDatabase db;

    QuarryEndpointIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_host", "spring_account");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableQuarryRepositories(basePackageClasses = HostRepository.class)
    static class Repositories {
    }

    private ApplicationContextRunner withEndpoint() {
        return QuarryContext.on(db)
                .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                        QuarryEndpointAutoConfiguration.class, QuarryRepositoriesAutoConfiguration.class))
                .withUserConfiguration(Repositories.class);
    }

    private static TransactionTemplate transactions(AssertableApplicationContext context) {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @Test
    void showsTheMappingTheRepositoriesTheStatisticsAndTheFindingsButNoValue() {
        withEndpoint().withPropertyValues("management.endpoints.web.exposure.include=quarry",
                "quarry.n-plus-one.threshold=3").run(context -> {
            HostRepository hosts = context.getBean(HostRepository.class);
            Host saved = hosts.save(new Host(SECRET, 2222));
            assertThatThrownBy(() -> hosts.save(new Host(SECRET, 22))).isInstanceOf(DuplicateKeyException.class);
            transactions(context).executeWithoutResult(status -> {
                Session session = context.getBean(Session.class);
                for (int i = 0; i < 4; i++) {
                    session.query(Host.class).filterBy("port", 2222 + i).all();
                }
            });

            QuarryDescriptor quarry = context.getBean(QuarryEndpoint.class).quarry();

            assertThat(quarry.dialect()).as("on %s", db).isNotBlank();
            assertThat(quarry.entities()).anySatisfy(entity -> {
                assertThat(entity.type()).isEqualTo(Host.class.getName());
                assertThat(entity.table()).isEqualTo("spring_host");
                assertThat(entity.columns()).extracting(QuarryDescriptor.Column::column)
                        .containsExactly("id", "hostname", "port");
                assertThat(entity.columns().get(0).id()).isTrue();
                assertThat(entity.columns().get(1).nullable()).isFalse();
                assertThat(entity.columns().get(1).type()).containsIgnoringCase("varchar");
            });
            assertThat(quarry.repositories()).singleElement().satisfies(repository -> {
                assertThat(repository.type()).isEqualTo(HostRepository.class.getName());
                assertThat(repository.entity()).isEqualTo(Host.class.getName());
                assertThat(repository.methods()).anySatisfy(method -> {
                    assertThat(method.method()).isEqualTo("findByHostname(String)");
                    assertThat(method.kind()).isEqualTo("derived");
                    assertThat(method.sql()).anySatisfy(sql -> assertThat(sql).contains("spring_host")
                            .contains("hostname = ?"));
                });
                assertThat(repository.methods()).anySatisfy(method -> {
                    assertThat(method.method()).isEqualTo("describe(String)");
                    assertThat(method.kind()).isEqualTo("fragment");
                });
            });
            assertThat(quarry.statements().errors()).as("the duplicate").isEqualTo(1);
            assertThat(quarry.statements().byKind().get("batch").count()).isEqualTo(2);
            assertThat(quarry.statements().byKind().get("query").count()).isGreaterThanOrEqualTo(4);
            assertThat(quarry.statements().count()).isEqualTo(quarry.statements().byKind().values().stream()
                    .mapToLong(QuarryStatementStatistics.KindStatistics::count).sum());
            assertThat(quarry.nPlusOne().mode()).isEqualTo("WARN");
            assertThat(quarry.nPlusOne().threshold()).isEqualTo(3);
            assertThat(quarry.nPlusOne().findings()).singleElement().satisfies(finding -> {
                assertThat(finding.sql()).contains("spring_host").contains("?");
                assertThat(finding.count()).isEqualTo(4);
                assertThat(finding.caller()).contains(QuarryEndpointIT.class.getSimpleName());
            });
            assertThat(saved.getHostname()).isEqualTo(SECRET);
            assertThat(quarry.toString()).as("no value of the data").doesNotContain(SECRET);
        });
    }

    @Test
    void withoutExposureThereIsNoEndpointAndNoStatistics() {
        withEndpoint().run(context -> {
            assertThat(context).doesNotHaveBean(QuarryEndpoint.class);
            assertThat(context).doesNotHaveBean(QuarryStatementStatistics.class);
        });
    }
}
