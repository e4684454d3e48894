package io.quarry.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spring.boot.QuarryAutoConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.transaction.annotation.Transactional;

/** Which auto-configurations {@code @QuarryTest} imports, and that a new one of the starter is a decision. */
class SliceAutoConfigurationsTest {

    /** Auto-configurations of the starter that the slice leaves out on purpose, with the reason. */
    static final Map<String, String> LEFT_OUT = Map.of(
            "io.quarry.spring.replica.QuarryReplicaAutoConfiguration",
            "the replicas the application configures would take the test's read-only work away from the test's "
                    + "database and transaction: reads would not see the test's rows, on servers it never meant to reach");

    @Test
    void theSliceImportsEveryAutoConfigurationOfTheStarterNotLeftOutOnPurpose() throws IOException {
        List<String> starter = new ArrayList<>();
        try (InputStream imports = QuarryAutoConfiguration.class.getClassLoader().getResourceAsStream(
                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(imports).as("the starter's AutoConfiguration.imports").isNotNull();
            new String(imports.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(starter::add);
        }
        List<String> slice = slice();

        assertThat(starter).as("the starter's auto-configurations").isNotEmpty();
        for (String autoConfiguration : starter) {
            assertThat(slice.contains(autoConfiguration) || LEFT_OUT.containsKey(autoConfiguration))
                    .as("%s is neither imported by @AutoConfigureQuarry nor in LEFT_OUT with the reason",
                            autoConfiguration)
                    .isTrue();
        }
        assertThat(slice).contains(RecordedStatementsAutoConfiguration.class.getName());
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
