package io.quarry.schema;

import io.quarry.dialect.Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.IndexModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.mapping.TableOrder;
import io.quarry.session.Engine;
import io.quarry.sql.SchemaDdl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The statements that bring a live schema to the mapping, worked out from one look at it: missing tables
 * (with sequences and indexes), columns and indexes in foreign-key order, then missing foreign keys and
 * join tables once every table would exist. With {@code destructive} it also lists what
 * {@code ddl-auto=update} never does, each marked destructive with a warning: type and nullability
 * changes, columns and tables the mapping no longer has. Stateless.
 */
final class SchemaChanges {

    /** One statement (null when Quarry will not write it), whether it may lose data, and why it needs a look. */
    record Change(String sql, boolean destructive, String warning) {

        static Change of(String sql) {
            return new Change(sql, false, null);
        }
    }

    /** Names a migration script may write although they come from the database, not the mapping. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The migration tools' own tables, which no entity maps. */
    private static final Set<String> TOOL_TABLES = Set.of("flyway_schema_history", "databasechangelog",
            "databasechangeloglock");

    private final Engine engine;
    private final SchemaDdl ddl;

    SchemaChanges(Engine engine) {
        this.engine = engine;
        this.ddl = new SchemaDdl(engine.dialect());
    }

    List<Change> between(Connection connection, List<EntityModel<?>> models, boolean destructive) throws SQLException {
        return between(connection, models, destructive, table -> false);
    }

    /** {@code leaveAlone}: the unmapped tables (by their name in the database) whose drop is not listed. */
    List<Change> between(Connection connection, List<EntityModel<?>> models, boolean destructive,
            Predicate<String> leaveAlone) throws SQLException {
        LiveSchema schema = new LiveSchema(connection, engine.dialect());
        List<Change> changes = new ArrayList<>();
        List<Change> constraints = new ArrayList<>();
        for (EntityModel<?> model : TableOrder.sort(models)) {
            LiveSchema.Table table = schema.table(model.table());
            if (table == null) {
                ddl.create(model).forEach(sql -> changes.add(Change.of(sql)));
            } else {
                additions(model, table, connection, destructive, changes);
                if (destructive) {
                    changes.addAll(new ColumnChanges(engine.dialect(), ddl).of(model, table));
                }
            }
            relations(model, table, schema, constraints);
        }
        changes.addAll(constraints);
        if (destructive) {
            changes.addAll(droppedTables(models, schema, leaveAlone));
        }
        return changes;
    }

    private void additions(EntityModel<?> model, LiveSchema.Table table, Connection connection, boolean destructive,
            List<Change> changes) {
        for (PropertyModel property : model.properties()) {
            if (table.column(property.column()) == null) {
                // the rows there have no value for it: NOT NULL would fail (or invent one, on MySQL)
                boolean withoutNotNull = !property.spec().nullable() && engine.hasRows(connection, model);
                String warning = withoutNotNull ? "column " + model.table() + "." + property.column()
                        + " is added without NOT NULL because the table has rows; give them a value and add the"
                        + " constraint with a migration" : null;
                List<String> statements = ddl.addColumn(model, property, withoutNotNull);
                changes.add(new Change(statements.get(0), false, warning));
                statements.subList(1, statements.size()).forEach(sql -> changes.add(Change.of(sql)));
                if (withoutNotNull && destructive) {
                    changes.add(new Change(ddl.alterColumnNullability(model, property), true, "column " + model.table()
                            + "." + property.column() + " gets its NOT NULL once every row has a value"));
                }
                if (property.reference() != null) {
                    changes.add(Change.of(ddl.createForeignKeyIndex(model, property)));
                }
            }
        }
        for (IndexModel index : model.indexes()) {
            if (!table.hasIndexOn(index.columns())) {
                changes.add(Change.of(ddl.createIndex(model, index)));
            }
        }
    }

    /** The foreign keys of {@code model}'s references the live table lacks, and missing join tables with theirs. */
    private void relations(EntityModel<?> model, LiveSchema.Table table, LiveSchema schema, List<Change> constraints)
            throws SQLException {
        for (RelationModel relation : model.relations()) {
            if (relation.isReference()) {
                EntityModel<?> target = engine.model(relation.target());
                if (table == null || !table.hasForeignKey(relation.foreignKey().column(), target.table())) {
                    constraints.add(Change.of(ddl.addForeignKey(model, relation.foreignKey(), target)));
                }
            }
            if (relation.joinTable() != null && schema.table(relation.joinTable().table()) == null) {
                ddl.createJoinTable(relation).forEach(sql -> constraints.add(Change.of(sql)));
                ddl.addJoinTableForeignKeys(relation, model, engine.model(relation.target()))
                        .forEach(sql -> constraints.add(Change.of(sql)));
            }
        }
    }

    private List<Change> droppedTables(List<EntityModel<?>> models, LiveSchema schema, Predicate<String> leaveAlone)
            throws SQLException {
        Set<String> mapped = new HashSet<>(TOOL_TABLES);
        for (EntityModel<?> model : models) {
            mapped.add(LiveSchema.key(model.table()));
            for (RelationModel relation : model.relations()) {
                if (relation.joinTable() != null) {
                    mapped.add(LiveSchema.key(relation.joinTable().table()));
                }
            }
        }
        List<Change> drops = new ArrayList<>();
        for (String name : schema.tableNames()) {
            if (!mapped.contains(LiveSchema.key(name)) && !leaveAlone.test(name)) {
                String written = writable(engine.dialect(), name);
                String what = "table " + (written == null ? name : written) + " is in the database but no entity maps it";
                drops.add(written == null ? unwritable(what)
                        : new Change(ddl.dropTable(written), true, what + "; dropping it deletes its rows"));
            }
        }
        return drops;
    }

    /**
     * {@code name}, read from the database, as SQL can name that table or column again unquoted (in lower
     * case where the database folds to it), or null when it cannot.
     */
    static String writable(Dialect dialect, String name) {
        if (!PLAIN.matcher(name).matches()) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return dialect.storedName(lower).equals(name) ? lower : dialect.storedName(name).equals(name) ? name : null;
    }

    static Change unwritable(String what) {
        return new Change(null, true, what + "; its name is not a plain identifier, so Quarry writes no SQL for it:"
                + " remove it by hand if you mean to");
    }
}
