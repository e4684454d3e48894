package io.quarry.session;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.mapping.TableOrder;
import io.quarry.sql.SchemaDdl;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@link Engine#createAll} and {@link Engine#dropAll} for a graph of tables: tables in foreign-key
 * order, then join tables, then the foreign-key constraints (so that self-references and cycles
 * work); dropping removes join tables and the constraints of the dropped tables first, then the
 * tables, referring ones first. Stateless.
 */
final class SchemaWriter {

    private final Engine engine;
    private final ModelRegistry models;
    private final SchemaDdl ddl;

    SchemaWriter(Engine engine, ModelRegistry models) {
        this.engine = engine;
        this.models = models;
        this.ddl = new SchemaDdl(engine.dialect());
    }

    /** Every statement that creates the tables of {@code types} and of the entities they relate to. */
    List<String> script(List<Class<?>> types) {
        List<EntityModel<?>> order = TableOrder.sort(TableOrder.closure(modelsOf(types), models));
        List<String> statements = new ArrayList<>();
        List<RelationModel> joins = joinTables(order);
        order.forEach(model -> statements.addAll(ddl.create(model)));
        joins.forEach(relation -> statements.addAll(ddl.createJoinTable(relation)));
        order.forEach(model -> statements.addAll(foreignKeys(model)));
        joins.forEach(relation -> statements.addAll(joinForeignKeys(relation)));
        return statements;
    }

    /** Creates what does not exist yet; returns the names of the tables created. */
    List<String> create(Connection connection, List<Class<?>> types) throws SQLException {
        List<EntityModel<?>> order = TableOrder.sort(TableOrder.closure(modelsOf(types), models));
        List<String> created = new ArrayList<>();
        List<EntityModel<?>> createdModels = new ArrayList<>();
        for (EntityModel<?> model : order) {
            if (!engine.tableExists(connection, model.table())) {
                run(connection, ddl.create(model));
                created.add(model.table());
                createdModels.add(model);
            }
        }
        List<RelationModel> createdJoins = new ArrayList<>();
        for (RelationModel relation : joinTables(order)) {
            if (!engine.tableExists(connection, relation.joinTable().table())) {
                run(connection, ddl.createJoinTable(relation));
                created.add(relation.joinTable().table());
                createdJoins.add(relation);
            }
        }
        for (EntityModel<?> model : createdModels) {
            run(connection, foreignKeys(model));
        }
        for (RelationModel relation : createdJoins) {
            run(connection, joinForeignKeys(relation));
        }
        return created;
    }

    /** Drops the tables of {@code types} (only those) and the join tables they own, if they exist. */
    void drop(Connection connection, List<Class<?>> types) throws SQLException {
        List<EntityModel<?>> order = TableOrder.sort(modelsOf(types));
        for (RelationModel relation : joinTables(order)) {
            engine.execute(connection, "DDL", ddl.dropTable(relation.joinTable().table()));
        }
        for (EntityModel<?> model : order) {
            if (model.hasReferences() && engine.tableExists(connection, model.table())) {
                Set<String> existing = foreignKeyNames(connection, model.table());
                for (PropertyModel property : model.properties()) {
                    String name = SchemaDdl.foreignKeyName(model.table(), property.column());
                    if (property.reference() != null && existing.contains(name.toLowerCase(Locale.ROOT))) {
                        engine.execute(connection, "DDL", ddl.dropForeignKey(model.table(), name));
                    }
                }
            }
        }
        List<EntityModel<?>> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        for (EntityModel<?> model : reversed) {
            run(connection, ddl.drop(model));
        }
    }

    private List<EntityModel<?>> modelsOf(List<Class<?>> types) {
        List<EntityModel<?>> list = new ArrayList<>();
        types.forEach(type -> list.add(models.model(type)));
        return list;
    }

    private static List<RelationModel> joinTables(List<EntityModel<?>> models) {
        List<RelationModel> joins = new ArrayList<>();
        for (EntityModel<?> model : models) {
            for (RelationModel relation : model.relations()) {
                if (relation.joinTable() != null) {
                    joins.add(relation);
                }
            }
        }
        return joins;
    }

    private List<String> foreignKeys(EntityModel<?> model) {
        List<String> statements = new ArrayList<>();
        for (PropertyModel property : model.properties()) {
            if (property.reference() != null) {
                statements.add(ddl.addForeignKey(model, property, models.model(property.reference().target())));
            }
        }
        return statements;
    }

    private List<String> joinForeignKeys(RelationModel relation) {
        return ddl.addJoinTableForeignKeys(relation, models.model(relation.owner()), models.model(relation.target()));
    }

    private void run(Connection connection, List<String> statements) {
        for (String statement : statements) {
            engine.execute(connection, "DDL", statement);
        }
    }

    /** The names (lower case) of the foreign keys declared on {@code table}. */
    private Set<String> foreignKeyNames(Connection connection, String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        Set<String> names = new HashSet<>();
        try (ResultSet keys = metadata.getImportedKeys(connection.getCatalog(),
                engine.dialect().metadataSchema(connection), engine.dialect().storedName(table))) {
            while (keys.next()) {
                String name = keys.getString("FK_NAME");
                if (name != null) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** Whether {@code table} exists in the connection's current schema. */
    static boolean tableExists(io.quarry.dialect.Dialect dialect, Connection connection, String table)
            throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String schema = dialect.metadataSchema(connection);
        // the name is a search pattern: an unescaped '_' would match any character
        String escape = metadata.getSearchStringEscape();
        String pattern = dialect.storedName(table);
        if (escape != null && !escape.isEmpty()) {
            pattern = pattern.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
        }
        try (ResultSet tables = metadata.getTables(connection.getCatalog(), schema, pattern,
                new String[] {"TABLE", "BASE TABLE"})) {
            return tables.next();
        }
    }
}
