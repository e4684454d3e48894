package io.quarry.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spring.boot.QuarryAutoConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.transaction.annotation.Transactional;

/** Which auto-configurations {@code @QuarryTest} imports. */
class SliceAutoConfigurationsTest {

    /**
     * The starter's auto-configurations the slice takes: the persistence ones. Left out on purpose: read
     * replicas (the replicas an application configures would take a test's read-only work away from its
     * database and rolled-back transaction) and web argument resolvers (a web slice's business).
     */
    static final List<String> PERSISTENCE = List.of(
            "io.quarry.spring.boot.QuarryAutoConfiguration",
            "io.quarry.spring.repository.QuarryRepositoriesAutoConfiguration",
            "io.quarry.spring.retry.QuarryRetryAutoConfiguration");

    @Test
    void theSliceImportsThePersistenceAutoConfigurationsOfTheStarterAndItsOwn() throws IOException {
        List<String> starter = new ArrayList<>();
        try (InputStream imports = QuarryAutoConfiguration.class.getClassLoader().getResourceAsStream(
                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(imports).as("the starter's AutoConfiguration.imports").isNotNull();
            new String(imports.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(starter::add);
        }

        assertThat(starter).as("the starter's auto-configurations").containsAll(PERSISTENCE);
        assertThat(slice()).containsExactlyElementsOf(concat(PERSISTENCE,
                RecordedStatementsAutoConfiguration.class.getName()));
    }

    private static List<String> concat(List<String> first, String last) {
        List<String> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }

    @Test
    void theSliceTakesBootsJdbcSliceWithItsDatabaseInitializationAndTheTestDatabase() {
        MergedAnnotations slice = MergedAnnotations.from(QuarryTest.class, SearchStrategy.TYPE_HIERARCHY);

        assertThat(slice.isPresent(AutoConfigureJdbc.class)).as("DataSource, transactions, JdbcTemplate").isTrue();
        assertThat(slice.isPresent(AutoConfigureDataSourceInitialization.class))
                .as("what Flyway and Liquibase register their auto-configurations under").isTrue();
        assertThat(slice.get(AutoConfigureTestDatabase.class).getEnum("replace", AutoConfigureTestDatabase.Replace.class))
                .isEqualTo(AutoConfigureTestDatabase.Replace.NON_TEST);
        assertThat(slice.isPresent(Transactional.class)).isTrue();
    }

    private static List<String> slice() {
        List<String> candidates = new ArrayList<>();
        ImportCandidates.load(AutoConfigureQuarry.class, AutoConfigureQuarry.class.getClassLoader())
                .forEach(candidates::add);
        return Collections.unmodifiableList(candidates);
    }
}
