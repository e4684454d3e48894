package io.quarry.spring.schema;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.IndexModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.mapping.TableOrder;
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
 * indexes, then, once every table exists, missing foreign keys and join tables. Never drops or
 * changes anything. A NOT NULL column added to a table that has rows is
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
            List<String> foreignKeys = new ArrayList<>();
            for (EntityModel<?> model : TableOrder.sort(models)) {
                run(connection, statements(model, schema), executed);
            }
            // the constraints once every table exists, so that cycles and self-references work
            for (EntityModel<?> model : models) {
                foreignKeys.addAll(relationStatements(model, new LiveSchema(connection, engine.dialect())));
            }
            run(connection, foreignKeys, executed);
        });
        return executed;
    }

    private void run(java.sql.Connection connection, List<String> statements, List<String> executed) {
        for (String sql : statements) {
            LOG.info("quarry.ddl-auto=update: {}", sql);
            engine.execute(connection, "quarry.ddl-auto=update", sql);
            executed.add(sql);
        }
    }

    /**
     * The foreign keys of {@code model}'s references that the live schema lacks, and its owning
     * many-to-manys' missing join tables with their keys.
     */
    List<String> relationStatements(EntityModel<?> model, LiveSchema schema) throws SQLException {
        SchemaDdl ddl = new SchemaDdl(engine.dialect());
        List<String> statements = new ArrayList<>();
        LiveSchema.Table table = schema.table(model.table());
        for (RelationModel relation : model.relations()) {
            if (relation.isReference() && table != null) {
                EntityModel<?> target = engine.model(relation.target());
                if (!table.hasForeignKey(relation.foreignKey().column(), target.table())) {
                    statements.add(ddl.addForeignKey(model, relation.foreignKey(), target));
                }
            }
            if (relation.joinTable() != null && schema.table(relation.joinTable().table()) == null) {
                statements.addAll(ddl.createJoinTable(relation));
                statements.addAll(ddl.addJoinTableForeignKeys(relation, model, engine.model(relation.target())));
            }
        }
        return statements;
    }

    /** What {@link #update} would run for {@code model}'s own table (foreign keys come after every table). */
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
                if (property.reference() != null) {
                    statements.add(ddl.createForeignKeyIndex(model, property));
                }
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
