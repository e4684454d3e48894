package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import io.quarry.types.SimpleCodec;
import io.quarry.types.SqlType;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entity whose field type its package can no longer see (compiled when the type was public)
 * keeps the method handles and the codecs: a generated writer or reader could not name the type
 * and would fail with IllegalAccessError on every row instead. (A record cannot have such a
 * component: the JVM refuses its canonical constructor, so the model cannot be built.)
 */
class GeneratedClassVisibilityTest {

    private static final String HIDDEN = "io.quarry.mapping.other.NoLongerPublic";

    private static Class<?> plainEntity;

    @BeforeAll
    static void compileAgainstThePublicVersion(@TempDir Path dir) throws Exception {
        Map<String, String> sources = Map.of(
                "io/quarry/mapping/other/NoLongerPublic.java",
                "package io.quarry.mapping.other; public final class NoLongerPublic {}",
                "io/quarry/mapping/StaleHost.java",
                "package io.quarry.mapping; @Entity class StaleHost { @Id Long id; " + HIDDEN + " value; }");
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = dir.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", out.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", dir.resolve("src/io/quarry/mapping/other/NoLongerPublic.java").toString(),
                dir.resolve("src/io/quarry/mapping/StaleHost.java").toString());
        assertThat(status).as("javac").isZero();
        // only the entities are defined: NoLongerPublic stays the package-private one of the test classes
        plainEntity = defineOnce("io.quarry.mapping.StaleHost", out.resolve("io/quarry/mapping/StaleHost.class"));
    }

    private static Class<?> defineOnce(String name, Path classFile) throws IOException, IllegalAccessException {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException notYet) {
            return MethodHandles.lookup().defineClass(Files.readAllBytes(classFile));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ModelRegistry models() throws ClassNotFoundException {
        Codec codec = SimpleCodec.of(SqlType.VARCHAR, (statement, index, value) -> statement.setString(index, "x"),
                (resultSet, index) -> null);
        return new ModelRegistry(CodecRegistry.withDefaults().register((Class) Class.forName(HIDDEN), codec));
    }

    @Test
    void theEntityKeepsItsHandlesAndCodecs() throws Exception {
        EntityModel<?> model = models().model(plainEntity);

        model.inflate();
        model.readers().inflate();

        assertThat(model.inflated()).isFalse();
        assertThat(model.readers().generated()).isFalse();
        assertThat(model.values(model.instantiate(new Object[] {1L, null}))).containsExactly(1L, null);
    }
}
