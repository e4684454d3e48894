package io.quarry.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The databases the cross-database tests run against in this JVM, chosen by the environment variable
 * {@code QUARRY_TEST_DATABASES}.
 *
 * <ul>
 *   <li>Variable set (comma list, e.g. {@code h2,mysql,postgresql}): exactly those databases run, and one
 *       that cannot be reached makes its tests <em>fail</em>. Databases not named do not run at all.</li>
 *   <li>Variable unset or blank: h2 always; mysql and postgresql are probed once (~2 s timeout) and, if
 *       unreachable, their tests are reported as <em>skipped</em> with the reason, printed once to stdout.</li>
 * </ul>
 *
 * <p>{@link #all()} is the argument source behind {@link CrossDatabaseTest}. Thread-safe: the selection and
 * the {@link TestDatabase} singletons are built once, on first use, under the class lock.
 */
public final class TestDatabases {

    static final String VARIABLE = "QUARRY_TEST_DATABASES";

    /** Canonical order, which is also the order of invocations in test reports. */
    static final List<String> KNOWN = List.of(TestDatabase.H2, TestDatabase.MYSQL, TestDatabase.POSTGRESQL);

    private static Map<String, TestDatabase> selected;
    private static RuntimeException selectionError;
    private static boolean announced;

    private TestDatabases() {
    }

    /**
     * Built on first use and remembered, including a bad {@code QUARRY_TEST_DATABASES}: every test class then
     * fails with the same clear message (a static initialiser would turn it into NoClassDefFoundError).
     */
    private static synchronized Map<String, TestDatabase> selected() {
        if (selected == null && selectionError == null) {
            try {
                selected = select(System.getenv());
            } catch (RuntimeException e) {
                selectionError = e;
            }
        }
        if (selectionError != null) {
            throw new IllegalArgumentException(selectionError.getMessage(), selectionError);
        }
        return selected;
    }

    /**
     * The selected databases, in the order h2, mysql, postgresql; a JUnit argument source.
     * The first call probes the servers (once per JVM) and prints why any of them is unusable.
     *
     * @throws IllegalArgumentException if {@code QUARRY_TEST_DATABASES} names an unknown database
     */
    public static Stream<TestDatabase> all() {
        List<TestDatabase> databases = List.copyOf(selected().values());
        announceUnreachable(databases);
        return databases.stream();
    }

    /**
     * Probes up front and prints each reason once per JVM, so a skipped database is visible in the build
     * log even where a report hides skips. Only here, not in {@link TestDatabase}: the unit tests probe
     * throw-away instances whose reasons must not look like the real run's.
     */
    private static synchronized void announceUnreachable(List<TestDatabase> databases) {
        if (announced) {
            return;
        }
        announced = true;
        for (TestDatabase db : databases) {
            Availability availability = db.availability();
            if (!availability.reachable()) {
                System.out.println(availability.reason());
            }
        }
    }

    /**
     * One selected database by name, for a test that only makes sense on one engine.
     *
     * @throws IllegalArgumentException if the name is unknown or {@code QUARRY_TEST_DATABASES} excludes it
     */
    public static TestDatabase named(String name) {
        TestDatabase db = selected().get(name.trim().toLowerCase(Locale.ROOT));
        if (db == null) {
            throw new IllegalArgumentException(KNOWN.contains(name.trim().toLowerCase(Locale.ROOT))
                    ? "Database " + name + " is not selected in this run (" + VARIABLE + "="
                    + System.getenv(VARIABLE) + "); add it to " + VARIABLE + " or run without the variable"
                    : unknownNameMessage(name, "TestDatabases.named(\"" + name + "\")"));
        }
        return db;
    }

    /** Builds the selected databases from an environment (a parameter, so tests can pass a fake one). */
    static Map<String, TestDatabase> select(Map<String, String> env) {
        String raw = env.get(VARIABLE);
        List<String> requested = parse(raw);
        boolean explicit = requested != null;
        List<String> names = explicit ? requested : KNOWN;
        String description = VARIABLE + "=" + raw;
        Map<String, TestDatabase> selected = new LinkedHashMap<>();
        for (String name : names) {
            // Without the variable only H2 is a hard requirement: it needs no server, so it cannot be "down".
            boolean required = explicit || TestDatabase.H2.equals(name);
            selected.put(name, TestDatabase.fromEnvironment(name, env, required, description));
        }
        return selected;
    }

    /**
     * Parses the value of {@code QUARRY_TEST_DATABASES}: comma separated, case and blanks ignored,
     * duplicates collapsed, result in canonical order.
     *
     * @return the named databases, or null when the variable means "not set" (null or blank)
     * @throws IllegalArgumentException for an unknown name, or a value that names no database at all
     */
    static List<String> parse(String raw) {
        // Surefire's <environmentVariables> turns an unset variable into "", and a plugin that does not
        // interpolate would pass "${env.QUARRY_TEST_DATABASES}" verbatim: both mean "not set".
        if (raw == null || raw.isBlank() || raw.trim().startsWith("${")) {
            return null;
        }
        List<String> requested = new ArrayList<>();
        for (String part : raw.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException(unknownNameMessage(part.trim(), VARIABLE + "=" + raw));
            }
            requested.add(name);
        }
        if (requested.isEmpty()) {
            throw new IllegalArgumentException(VARIABLE + "=" + raw + " names no database; use a comma list of "
                    + String.join(", ", KNOWN) + " (e.g. " + VARIABLE + "=h2,mysql,postgresql), or unset it");
        }
        return KNOWN.stream().filter(requested::contains).toList();
    }

    /** @param where where the bad name came from, e.g. {@code QUARRY_TEST_DATABASES=h2,oracle} */
    static String unknownNameMessage(String name, String where) {
        return "Unknown test database '" + name + "' in " + where + "; known databases are "
                + String.join(", ", KNOWN) + " (e.g. " + VARIABLE + "=h2,mysql,postgresql)";
    }
}
