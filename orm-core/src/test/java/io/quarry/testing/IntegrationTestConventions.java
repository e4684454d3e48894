package io.quarry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the integration test classes ({@code *IT}) of a module's test classes folder that are not
 * {@link CrossDatabaseTest}s, and so would run without the leak check ({@link ConnectionLeakExtension}).
 * Stateless.
 */
public final class IntegrationTestConventions {

    private IntegrationTestConventions() {
    }

    /** The top-level {@code *IT} classes beside {@code anchor} (in the same classes folder), by name. */
    public static List<String> integrationTestClasses(Class<?> anchor) {
        Path root = classesFolder(anchor);
        String separator = root.getFileSystem().getSeparator();
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith("IT.class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace(separator, "."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the test classes under " + root, e);
        }
    }

    /** Those of {@link #integrationTestClasses} that lack {@link CrossDatabaseTest}. */
    public static List<String> withoutCrossDatabaseTest(Class<?> anchor) {
        return integrationTestClasses(anchor).stream()
                .filter(name -> !load(name, anchor).isAnnotationPresent(CrossDatabaseTest.class))
                .toList();
    }

    private static Path classesFolder(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where " + anchor.getName() + " was loaded from", e);
        }
    }

    private static Class<?> load(String name, Class<?> anchor) {
        try {
            return Class.forName(name, false, anchor.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + name + " found beside " + anchor.getName(), e);
        }
    }
}
