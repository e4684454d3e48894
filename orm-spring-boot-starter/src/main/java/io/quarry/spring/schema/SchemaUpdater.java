package io.quarry.spring.schema;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.IndexModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.session.Engine;
import io.quarry.sql.SchemaDdl;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the live schema up to the mapping without losing data: creates missing tables (with
 * their sequences and indexes), adds missing columns ({@code alter table ... add column}, the
 * definition {@link SchemaDdl#columnDefinition} gives, plus its unique constraint) and missing
 * indexes. Never drops or changes anything. A NOT NULL column added to a table that has rows is
 * added without the constraint (with a warning), since those rows have no value for it.
 * Stateless; thread-safe.
 */
public final class SchemaUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaUpdater.class);

    private final Engine engine;

    public SchemaUpdater(Engine engine) {
        this.engine = engine;
    }

    /** Runs the statements that bring the schema up to {@code models}; returns them. */
    public List<String> update(List<EntityModel<?>> models) {
        List<String> executed = new ArrayList<>();
        engine.withConnection("update the schema", connection -> {
            LiveSchema schema = new LiveSchema(connection, engine.dialect());
            for (EntityModel<?> model : models) {
                for (String sql : statements(model, schema)) {
                    LOG.info("quarry.ddl-auto=update: {}", sql);
                    engine.execute(connection, "quarry.ddl-auto=update", sql);
                    executed.add(sql);
                }
            }
        });
        return executed;
    }

    /** What {@link #update} would run for {@code model}. */
    List<String> statements(EntityModel<?> model, LiveSchema schema) throws SQLException {
        SchemaDdl ddl = new SchemaDdl(engine.dialect());
        LiveSchema.Table table = schema.table(model.table());
        if (table == null) {
            return ddl.create(model);
        }
        List<String> statements = new ArrayList<>();
        for (PropertyModel property : model.properties()) {
            if (table.column(property.column()) == null) {
                // the rows there have no value for it: NOT NULL would fail (or invent one, on MySQL)
                boolean withoutNotNull = !property.spec().nullable() && engine.hasRows(schema.connection(), model);
                if (withoutNotNull) {
                    LOG.warn("quarry.ddl-auto=update adds column {}.{} without NOT NULL because the table has rows; "
                            + "give them a value and add the constraint with a migration", model.table(), property.column());
                }
                statements.addAll(ddl.addColumn(model, property, withoutNotNull));
            }
        }
        for (IndexModel index : model.indexes()) {
            if (!table.hasIndexOn(index.columns())) {
                statements.add(ddl.createIndex(model, index));
            }
        }
        return statements;
    }
}
