package io.quarry.spring.observation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code quarry.observations.*}: which Micrometer observations Quarry makes when the application has an
 * {@code ObservationRegistry}. Boot's own {@code management.observations.enable.quarry.statement=false} and
 * {@code ObservationPredicate} beans filter them further.
 */
@ConfigurationProperties("quarry.observations")
public class QuarryObservationProperties {

    /** Observe statements and repository calls (when an ObservationRegistry exists). */
    private boolean enabled = true;

    private final Statements statements = new Statements();

    private final Repositories repositories = new Repositories();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Statements getStatements() {
        return statements;
    }

    public Repositories getRepositories() {
        return repositories;
    }

    /** {@code quarry.observations.statements.*}. */
    public static class Statements {

        /** One quarry.statement observation per statement. */
        private boolean enabled = true;

        /** Put the SQL text (with ? placeholders, never values) into the observation's high-cardinality key values. */
        private boolean includeSql = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isIncludeSql() {
            return includeSql;
        }

        public void setIncludeSql(boolean includeSql) {
            this.includeSql = includeSql;
        }
    }

    /** {@code quarry.observations.repositories.*}. */
    public static class Repositories {

        /** One quarry.repository.invocations observation per repository call. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
