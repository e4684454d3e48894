package io.quarry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Size checks over a module's Java sources (STYLE.md: small classes). Stateless. */
public final class SourceFiles {

    /** The most lines a main source file may have (issue #12). */
    public static final int MAX_LINES = 400;

    private SourceFiles() {
    }

    /** The {@code .java} files below {@code root} with more than {@code max} lines, as {@code path (n lines)}. */
    public static List<String> longerThan(Path root, int max) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                int lines = Files.readAllLines(file).size();
                if (lines > max) {
                    found.add(root.relativize(file) + " (" + lines + " lines)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
