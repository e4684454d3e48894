package io.quarry.spring.boot;

import io.quarry.spring.schema.SchemaValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports the differences {@code quarry.ddl-auto=validate} found between the mapping and the schema. */
final class SchemaValidationFailureAnalyzer extends AbstractFailureAnalyzer<SchemaValidationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaValidationException cause) {
        return new FailureAnalysis("The database schema does not match the Quarry mapping (quarry.ddl-auto=validate):\n\n    - "
                + String.join("\n    - ", cause.getProblems()),
                "Bring the schema up to date with a migration (Flyway, Liquibase or a script), or change the entities "
                        + "to match the database. During development, quarry.ddl-auto=update adds missing tables, "
                        + "columns and indexes (it never drops or alters anything).",
                cause);
    }
}
