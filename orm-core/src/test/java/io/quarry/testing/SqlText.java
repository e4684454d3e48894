package io.quarry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds SQL written as text in Java sources: every string literal (comments skipped) that contains
 * {@code insert into}, {@code update }, {@code delete from}, {@code alter table} or {@code select },
 * in any case. DESIGN.md keeps SQL text in the {@code sql} and {@code dialect} layers; the tests
 * that use this hold the rest of the code to it. Stateless.
 */
public final class SqlText {

    /** The keywords that mark SQL text. */
    public static final Pattern KEYWORDS = Pattern.compile("(?i)(insert into|update |delete from|alter table|select )");

    /**
     * A string literal with SQL keywords.
     *
     * @param file the path below the scanned root, with {@code /} separators
     * @param line where the literal starts
     * @param literal its text, escapes as written
     */
    public record Finding(String file, int line, String literal) {

        @Override
        public String toString() {
            return file + ":" + line + ": \"" + literal + "\"";
        }
    }

    /**
     * A literal that contains an SQL keyword but is not SQL (a message, a task name in logs).
     *
     * @param file the source file, below the scanned root
     * @param fragment a part of the literal
     * @param why what the literal is
     */
    public record Allowed(String file, String fragment, String why) {

        public boolean covers(Finding finding) {
            return finding.file().equals(file) && finding.literal().contains(fragment);
        }
    }

    private SqlText() {
    }

    /** The findings no entry of {@code allowed} covers. */
    public static List<Finding> unexplained(List<Finding> findings, List<Allowed> allowed) {
        return findings.stream().filter(finding -> allowed.stream().noneMatch(entry -> entry.covers(finding))).toList();
    }

    /** The findings in the {@code .java} files below {@code root}, outside the folders {@code skipped} (relative to root). */
    public static List<Finding> find(Path root, String... skipped) {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (Stream.of(skipped).noneMatch(folder -> relative.startsWith(folder + "/"))) {
                    scan(relative, Files.readString(file), findings);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    /** Adds the literals of {@code source} that contain SQL keywords; comments and char literals are skipped. */
    public static void scan(String file, String source, List<Finding> findings) {
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i);
                i = i < 0 ? source.length() : i;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (c == '\'') {
                i = closing(source, i + 1, "'");
            } else if (c == '"') {
                String quote = source.startsWith("\"\"\"", i) ? "\"\"\"" : "\"";
                int start = i + quote.length();
                int end = closing(source, start, quote);
                String literal = source.substring(start, end - quote.length());
                if (KEYWORDS.matcher(literal).find()) {
                    findings.add(new Finding(file, line, literal));
                }
                line += count(source, i, end);
                i = end;
            } else {
                i++;
            }
        }
    }

    /** The index after the {@code quote} that closes a literal starting at {@code from}, skipping escapes. */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length() && !source.startsWith(quote, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(source.length(), i + quote.length());
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            lines += source.charAt(i) == '\n' ? 1 : 0;
        }
        return lines;
    }
}
