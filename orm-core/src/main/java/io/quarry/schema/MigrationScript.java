package io.quarry.schema;

import io.quarry.QuarryException;
import io.quarry.schema.SchemaChanges.Change;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL that brings a live schema to the mapping, as {@link SchemaManager#migrationScript} wrote it
 * for one database: the statements it applies, the ones it leaves commented out because they may
 * lose data (unless asked to include them), and a warning for each change that needs a look. Writes
 * itself as a Flyway versioned migration ({@code V<version>__<description>.sql}). Immutable and
 * thread-safe.
 */
public final class MigrationScript {

    private static final Pattern VERSION = Pattern.compile("[0-9]+([._][0-9]+)*");
    private static final Pattern DESCRIPTION = Pattern.compile("[A-Za-z0-9_ ]+");
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+)(?:[._][0-9]+)*__.*\\.sql");

    private final List<String> statements;
    private final List<String> skipped;
    private final List<String> warnings;
    private final String sql;

    MigrationScript(String header, List<Change> changes, boolean includeDestructive) {
        List<String> applied = new ArrayList<>();
        List<String> commented = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        StringBuilder text = new StringBuilder(header);
        for (Change change : changes) {
            boolean apply = change.sql() != null && (!change.destructive() || includeDestructive);
            if (change.warning() != null) {
                notes.add(change.warning());
                text.append("\n-- WARNING: ").append(change.warning()).append(change.sql() == null || apply ? ""
                        : ".\n-- Not applied: remove the leading \"-- \" of the next line to apply it");
            }
            if (change.sql() != null) {
                text.append(change.warning() == null ? "" : "\n").append(apply ? "" : "-- ").append(change.sql()).append(";\n");
                (apply ? applied : commented).add(change.sql());
            } else {
                text.append('\n');
            }
        }
        this.statements = List.copyOf(applied);
        this.skipped = List.copyOf(commented);
        this.warnings = List.copyOf(notes);
        this.sql = text.toString();
    }

    /** The whole script: a header comment, then each statement ended by {@code ;}, warnings as comments. */
    public String sql() {
        return sql;
    }

    /** The statements the script applies, in order, without their {@code ;}. */
    public List<String> statements() {
        return statements;
    }

    /** The statements written commented out (they may lose data), without their {@code ;}. */
    public List<String> skipped() {
        return skipped;
    }

    /** One line per change that needs a look before the script runs. */
    public List<String> warnings() {
        return warnings;
    }

    /** Whether the schema already matches the mapping: nothing to apply, nothing commented out. */
    public boolean isEmpty() {
        return statements.isEmpty() && skipped.isEmpty() && warnings.isEmpty();
    }

    /**
     * Writes the script into {@code directory} (created if missing) as {@code V<version>__<description>.sql},
     * spaces in the description becoming {@code _}; refuses a version a file there already has.
     */
    public Path writeTo(Path directory, String version, String description) {
        if (!VERSION.matcher(version).matches()) {
            throw new QuarryException("Migration version '" + version + "' is not a Flyway version: use digits"
                    + " separated by '.' or '_', e.g. 2 or 1.1");
        }
        if (!DESCRIPTION.matcher(description).matches()) {
            throw new QuarryException("Migration description '" + description + "' may hold only letters, digits,"
                    + " '_' and spaces, e.g. add_host_port");
        }
        try {
            Files.createDirectories(directory);
            for (Path existing : versioned(directory)) {
                if (existing.getFileName().toString().startsWith("V" + version + "__")) {
                    throw new QuarryException("Migration version " + version + " already exists: " + existing
                            + "; choose another version (the next free one is " + nextVersion(directory) + ")");
                }
            }
            Path file = directory.resolve("V" + version + "__" + description.trim().replace(' ', '_') + ".sql");
            Files.writeString(file, sql, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new QuarryException("Cannot write the migration into " + directory + ": " + e.getMessage(), e);
        }
    }

    /** One more than the highest leading number of the {@code V<n>...__*.sql} files in {@code directory}; 1 if none. */
    public static String nextVersion(Path directory) {
        long highest = 0;
        try {
            for (Path file : versioned(directory)) {
                Matcher matcher = VERSIONED.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    highest = Math.max(highest, Long.parseLong(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            throw new QuarryException("Cannot list the migrations in " + directory + ": " + e.getMessage(), e);
        }
        return Long.toString(highest + 1);
    }

    private static List<Path> versioned(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "V*__*.sql")) {
                entries.forEach(files::add);
            }
        }
        return files;
    }

    @Override
    public String toString() {
        return sql;
    }
}
