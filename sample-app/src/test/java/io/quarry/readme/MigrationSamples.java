package io.quarry.readme;

import io.quarry.schema.MigrationScript;
import io.quarry.schema.SchemaManager;
import io.quarry.session.Engine;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/** The README's schema-migration sample, run by {@link ReadmeSamplesTest}. */
final class MigrationSamples {

    private MigrationSamples() {
    }

    /** Writes the migration the schema behind {@code dataSource} needs into {@code directory}; returns the file. */
    static List<Path> migrationScript(DataSource dataSource, Path directory) {
        List<Path> written = new java.util.ArrayList<>();
        // README: migration-script
        Engine engine = Engine.create(dataSource);
        MigrationScript script = SchemaManager.of(engine).migrationScript(Host.class);  // the mapping vs the live schema
        script.warnings().forEach(System.out::println);       // drops and type changes, left commented out
        if (!script.isEmpty()) {
            Path file = script.writeTo(directory, MigrationScript.nextVersion(directory), "add host port");
            written.add(file);                                // e.g. V2__add_host_port.sql
        }
        // END
        return written;
    }
}
