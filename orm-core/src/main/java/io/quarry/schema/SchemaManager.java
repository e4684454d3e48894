package io.quarry.schema;

import io.quarry.session.Engine;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The live schema against the mapping, on one engine's database: what differs ({@code validate}),
 * the statements that add what is missing without losing data ({@code update}), and a migration
 * script that brings the schema to the mapping, as Alembic's autogenerate does. Works on the given
 * entities and those they relate to. Thread-safe; each call reads the schema afresh.
 *
 * <pre>{@code
 * MigrationScript script = SchemaManager.of(engine).migrationScript(Host.class, Datacenter.class);
 * script.writeTo(Path.of("src/main/resources/db/migration"), "2", "add host port");
 * }</pre>
 */
public interface SchemaManager {

    /** The schema manager of {@code engine}'s database and dialect. */
    static SchemaManager of(Engine engine) {
        return new DefaultSchemaManager(engine);
    }

    /**
     * Every difference that stops the mapping from working, one readable line each (missing tables,
     * columns, foreign keys and join tables, types that cannot hold the values, nullability); empty
     * when the schema fits. Extra tables and columns are fine.
     */
    List<String> differences(List<Class<?>> entities);

    /**
     * Runs the statements that add missing tables, columns, indexes, foreign keys and join tables, never
     * dropping or changing anything; a NOT NULL column added to a table with rows goes without the
     * constraint (with a warning). Returns the statements run.
     */
    List<String> update(List<Class<?>> entities);

    /** {@link #migrationScript(List, boolean)} with changes that may lose data commented out. */
    default MigrationScript migrationScript(Class<?>... entities) {
        return migrationScript(Arrays.asList(entities), false);
    }

    /**
     * The script that brings the live schema to the mapping of {@code entities}, without running it:
     * what {@link #update} would run, then type and nullability changes and drops of columns and tables
     * no entity maps, which are commented out with a warning unless {@code includeDestructive}.
     */
    default MigrationScript migrationScript(List<Class<?>> entities, boolean includeDestructive) {
        return migrationScript(entities, includeDestructive, table -> false);
    }

    /**
     * {@link #migrationScript(List, boolean)} that leaves alone the tables no entity maps for which
     * {@code leaveAlone} (given the name as the database reports it) is true: tables another application
     * or a tool owns in the same schema, whose drop the script must not even suggest.
     */
    MigrationScript migrationScript(List<Class<?>> entities, boolean includeDestructive, Predicate<String> leaveAlone);
}
