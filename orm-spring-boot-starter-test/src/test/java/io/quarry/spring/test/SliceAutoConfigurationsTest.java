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

/** Which auto-configurations {@code @QuarryTest} imports, and that a new one of the starter is a decision. */
class SliceAutoConfigurationsTest {

    /** Auto-configurations of the starter that the slice leaves out on purpose, with the reason. */
    static final Map<String, String> LEFT_OUT = Map.of();

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

    private static List<String> slice() {
        List<String> candidates = new ArrayList<>();
        ImportCandidates.load(AutoConfigureQuarry.class, AutoConfigureQuarry.class.getClassLoader())
                .forEach(candidates::add);
        return Collections.unmodifiableList(candidates);
    }
}
