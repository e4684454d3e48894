package io.quarry.schema;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.TableOrder;
import io.quarry.schema.SchemaChanges.Change;
import io.quarry.session.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SchemaManager} on one engine. Stateless; thread-safe. */
final class DefaultSchemaManager implements SchemaManager {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaManager.class);

    private final Engine engine;

    DefaultSchemaManager(Engine engine) {
        this.engine = engine;
    }

    private List<EntityModel<?>> models(List<Class<?>> entities) {
        return TableOrder.closure(engine.models().register(entities), engine.models());
    }

    @Override
    public List<String> differences(List<Class<?>> entities) {
        List<EntityModel<?>> models = models(entities);
        SchemaDifferences differences = new SchemaDifferences(engine);
        List<String> problems = new ArrayList<>();
        engine.withConnection("validate the schema", connection -> {
            LiveSchema schema = new LiveSchema(connection, engine.dialect());
            for (EntityModel<?> model : models) {
                differences.compare(model, schema, problems);
                differences.compareRelations(model, schema, problems);
            }
        });
        return problems;
    }

    @Override
    public List<String> update(List<Class<?>> entities) {
        List<EntityModel<?>> models = models(entities);
        List<String> executed = new ArrayList<>();
        engine.withConnection("update the schema", connection -> {
            for (Change change : new SchemaChanges(engine).between(connection, models, false)) {
                if (change.warning() != null) {
                    LOG.warn("quarry.ddl-auto=update: {}", change.warning());
                }
                LOG.info("quarry.ddl-auto=update: {}", change.sql());
                engine.execute(connection, "quarry.ddl-auto=update", change.sql());
                executed.add(change.sql());
            }
        });
        return executed;
    }

    @Override
    public MigrationScript migrationScript(List<Class<?>> entities, boolean includeDestructive,
            Predicate<String> leaveAlone) {
        Objects.requireNonNull(leaveAlone, "leaveAlone: give table -> false to leave no table alone");
        List<EntityModel<?>> models = models(entities);
        List<Change> changes = new ArrayList<>();
        engine.withConnection("compare the schema with the mapping", connection -> changes.addAll(
                new SchemaChanges(engine).between(connection, models, true, leaveAlone)));
        String header = "-- Quarry migration for " + engine.dialect().getClass().getSimpleName() + " from the mapping of "
                + models.stream().map(model -> model.type().getSimpleName()).sorted().collect(Collectors.joining(", "))
                + "\n-- Review it before it runs: warnings mark the changes that need a look.\n";
        return new MigrationScript(header, changes, includeDestructive);
    }
}
