package io.quarry.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.Engine;
import io.quarry.spring.boot.QuarryAutoConfiguration;
import io.quarry.spring.boot.QuarryEntities;
import io.quarry.spring.repository.EnableQuarryRepositories;
import io.quarry.spring.repository.QuarryRepositoriesAutoConfiguration;
import io.quarry.spring.web.crate.Crate;
import io.quarry.spring.web.crate.CrateController;
import io.quarry.spring.web.crate.CrateRepository;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Controllers with Quarry's {@code Pageable} and {@code Sort} parameters over HTTP (MockMvc on a real web
 * application context): Spring Data's request syntax and bounds, sorts through the repository with a 400
 * for a property the model lacks (no repository names in it, no SQL sent), and pages and slices as stable
 * JSON, with exact statement counts, on every test database.
 */
@CrossDatabaseTest
class QuarryWebIT {

    @Configuration(proxyBeanMethods = false)
    @EnableQuarryRepositories(basePackageClasses = CrateRepository.class)
    @Import(CrateController.class)
    static class Application {
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    QuarryWebIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("web_crate");
    }

    private WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class,
                        TransactionAutoConfiguration.class, PersistenceExceptionTranslationAutoConfiguration.class,
                        QuarryAutoConfiguration.class, QuarryRepositoriesAutoConfiguration.class,
                        JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
                        WebMvcAutoConfiguration.class, QuarryWebAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DelegatingDataSource(db.dataSource()))
                .withBean(QuarryEntities.class, () -> QuarryEntities.of(Crate.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("quarry.ddl-auto=drop-create", "quarry.web.max-page-size=50");
    }

    private void run(Consumer<MockMvcTester> test) {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            seed(context);
            test.accept(MockMvcTester.from(context));
        });
    }

    /** crate-1 (10 kg) ... crate-5 (50 kg); then counts statements. */
    private void seed(AssertableWebApplicationContext context) {
        CrateRepository crates = context.getBean(CrateRepository.class);
        crates.saveAll(List.of(new Crate("crate-1", 10), new Crate("crate-2", 20), new Crate("crate-3", 30),
                new Crate("crate-4", 40), new Crate("crate-5", 50)));
        context.getBean(Engine.class).addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @Test
    void aPageIsReadWithTheRequestsPageSizeAndSortAndWrittenAsContentAndPageMetadata() {
        run(mvc -> {
            assertThat(mvc.get().uri("/crates?over=15&page=1&size=2&sort=weight,desc")).hasStatusOk().bodyJson()
                    .isStrictlyEqualTo("""
                            {"content": [{"id": %d, "label": "crate-3", "weight": 30},
                                         {"id": %d, "label": "crate-2", "weight": 20}],
                             "page": {"size": 2, "number": 1, "totalElements": 4, "totalPages": 2}}"""
                            .formatted(3, 2));
            assertThat(statements).as("the page and its count").hasSize(2);
        });
    }

    @Test
    void aSliceIsWrittenWithItsOwnMetadataAndPageableDefaultAppliesWhenTheRequestGivesNothing() {
        run(mvc -> {
            assertThat(mvc.get().uri("/crates/by-label?prefix=crate-")).hasStatusOk().bodyJson()
                    .isStrictlyEqualTo("""
                            {"content": [{"id": 5, "label": "crate-5", "weight": 50},
                                         {"id": 4, "label": "crate-4", "weight": 40}],
                             "slice": {"size": 2, "number": 0, "hasNext": true}}""");
            assertThat(statements).as("a slice reads one row more, no count").hasSize(1);
        });
    }

    @Test
    void severalSortParametersAndPathsSortInOrder() {
        run(mvc -> assertThat(mvc.get().uri("/crates/light?under=35&sort=label,desc&sort=weight"))
                .hasStatusOk().bodyJson().extractingPath("$[*].label").isEqualTo(List.of("crate-3", "crate-2", "crate-1")));
    }

    @Test
    void aSortByAPropertyTheModelLacksIsA400NamingTheNearestPropertyAndNoRepository() {
        run(mvc -> {
            var result = mvc.get().uri("/crates?sort=weigth,desc").exchange();

            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().isLenientlyEqualTo("""
                    {"title": "Invalid sort", "status": 400, "property": "weigth",
                     "detail": "cannot sort by 'weigth': no such property; did you mean 'weight'?"}""");
            assertThat(result).body().asString().doesNotContain("CrateRepository", "findBy", "select");
            assertThat(statements).as("refused before any SQL").isEmpty();
        });
    }

    @Test
    void aSortCarryingSqlIsRefusedAsAnUnknownProperty() {
        run(mvc -> {
            assertThat(mvc.get().uri("/crates/light?sort=label; drop table web_crate")).hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson().extractingPath("$.detail")
                    .isEqualTo("cannot sort by 'label; drop table web_crate': no such property");
            assertThat(statements).isEmpty();
        });
    }

    @Test
    void outOfRangeAndUnreadablePageParametersFallBackAsInSpringData() {
        run(mvc -> {
            assertThat(mvc.get().uri("/pageable")).hasStatusOk().hasBodyTextEqualTo("0/20/UNSORTED");
            assertThat(mvc.get().uri("/pageable?page=-1&size=0")).hasStatusOk().hasBodyTextEqualTo("0/20/UNSORTED");
            assertThat(mvc.get().uri("/pageable?page=2&size=-5")).hasStatusOk().hasBodyTextEqualTo("2/20/UNSORTED");
            assertThat(mvc.get().uri("/pageable?page=x&size=1e3")).hasStatusOk().hasBodyTextEqualTo("0/20/UNSORTED");
            assertThat(mvc.get().uri("/pageable?size=1000000")).as("quarry.web.max-page-size").hasStatusOk()
                    .hasBodyTextEqualTo("0/50/UNSORTED");
            assertThat(mvc.get().uri("/pageable?page=99999999999")).hasStatusOk().hasBodyTextEqualTo("0/20/UNSORTED");
        });
    }

    @Test
    void oneIndexedPageParametersAreShiftedToTheZeroBasedPageable() {
        runner().withPropertyValues("quarry.web.one-indexed-parameters=true", "quarry.web.page-parameter=p")
                .run(context -> {
                    MockMvcTester mvc = MockMvcTester.from(context);
                    assertThat(mvc.get().uri("/pageable?p=1&size=5")).hasStatusOk().hasBodyTextEqualTo("0/5/UNSORTED");
                    assertThat(mvc.get().uri("/pageable?p=3&size=5")).hasStatusOk().hasBodyTextEqualTo("2/5/UNSORTED");
                    assertThat(mvc.get().uri("/pageable?p=0")).as("below 1 falls back").hasStatusOk()
                            .hasBodyTextEqualTo("0/20/UNSORTED");
                });
    }

    @Test
    void quarryWebEnabledFalseLeavesTheWebSupportOut() {
        runner().withPropertyValues("quarry.web.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(QuarryWebErrors.class)
                        .doesNotHaveBean(PageJson.class));
    }
}
