package io.quarry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * README's profile commands start the sample with {@code java -jar sample-app/target/sample-app.jar}: the
 * jar the build leaves (before this phase, in {@code package}) is executable and runs the walkthrough on
 * embedded H2 to its end.
 */
class RunnableJarIT {

    private static final Path JAR = Path.of("target", "sample-app.jar");

    @Test
    void theBuiltJarNamesItsMainClassAndRunsTheWalkthroughWithJavaJar() throws IOException, InterruptedException {
        assertThat(JAR).as("built by mvn package").exists();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo(SampleApplication.class.getName());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("sample-app", ".log");
        Process process = new ProcessBuilder(List.of(java.toString(), "-jar", JAR.toString(),
                "--spring.datasource.url=jdbc:h2:mem:runnable-jar;DB_CLOSE_DELAY=-1"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the walkthrough ends by itself").isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("Quarry walkthrough on h2").contains("Done.");
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
