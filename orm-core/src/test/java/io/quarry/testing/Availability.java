package io.quarry.testing;

import java.util.Locale;

/**
 * Whether a {@link TestDatabase} can be used, and if not, the sentence that the skipped or failed tests
 * report. Immutable, so thread-safe.
 *
 * @param reachable whether the probe connected
 * @param reason    null when reachable; otherwise what is wrong, where, and how to fix it
 */
record Availability(boolean reachable, String reason) {

    static final Availability REACHABLE = new Availability(true, null);

    /**
     * Turns a probe result into a verdict.
     *
     * @param required             whether {@code QUARRY_TEST_DATABASES} named this database (then the
     *                             reason is worded as a failure, otherwise as a skip)
     * @param selectionDescription e.g. {@code QUARRY_TEST_DATABASES=h2,mysql}, quoted in failures
     * @param problem              null if the probe connected, else what went wrong
     */
    static Availability judge(TestDatabase db, boolean required, String selectionDescription, String problem) {
        if (problem == null) {
            return REACHABLE;
        }
        String what = "cannot connect to " + db.jdbcUrl() + " as " + db.user() + " (" + problem + ")";
        if (!required) {
            return new Availability(false, db.name() + " skipped: " + what
                    + "; set QUARRY_TEST_DATABASES=h2,mysql,postgresql to make this a failure");
        }
        String prefix = "QUARRY_" + db.name().toUpperCase(Locale.ROOT);
        return new Availability(false, db.name() + " is required by " + selectionDescription
                + " but " + what + "; start the server (bash .ci/run starts MariaDB and PostgreSQL), fix "
                + prefix + "_URL/" + prefix + "_USER/" + prefix + "_PASSWORD, or remove " + db.name()
                + " from QUARRY_TEST_DATABASES");
    }
}
