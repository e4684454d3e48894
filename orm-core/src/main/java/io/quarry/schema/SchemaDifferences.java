package io.quarry.schema;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.session.Engine;
import java.sql.SQLException;
import java.util.List;

/**
 * What {@link SchemaManager#differences} reports: missing tables, columns, foreign keys and join
 * tables, column types that cannot hold the mapped values, and nullability that differs. Extra
 * tables and columns are fine. Stateless.
 */
final class SchemaDifferences {

    private final Engine engine;

    SchemaDifferences(Engine engine) {
        this.engine = engine;
    }

    void compare(EntityModel<?> model, LiveSchema schema, List<String> problems) throws SQLException {
        LiveSchema.Table table = schema.table(model.table());
        if (table == null) {
            problems.add("missing table " + model.table() + " (entity " + model.type().getName() + ")");
            return;
        }
        for (PropertyModel property : model.properties()) {
            LiveSchema.Column column = table.column(property.column());
            String where = model.table() + "." + property.column();
            String expected = engine.dialect().typeName(property.spec());
            if (column == null) {
                problems.add("missing column " + where + " (" + model.type().getSimpleName() + "." + property.name()
                        + ", " + expected + ")");
                continue;
            }
            String mismatch = ColumnTypes.mismatch(property.spec(), column);
            if (mismatch != null) {
                problems.add("wrong type of column " + where + ": the mapping expects " + expected + ", the database has "
                        + column.describe() + (mismatch.isEmpty() ? "" : " (" + mismatch + ")"));
            }
            boolean nullable = property.spec().nullable() && !property.isId();
            if (nullable != column.nullable()) {
                problems.add("nullability of column " + where + ": the mapping says "
                        + (nullable ? "NULL allowed" : "NOT NULL") + ", the database "
                        + (column.nullable() ? "allows NULL" : "has NOT NULL")
                        + (nullable ? "; declare the field with @Column(nullable = false) or drop the constraint"
                                : "; add the NOT NULL constraint, or map the field as nullable"));
            }
        }
    }

    /** Foreign keys of references and the join tables of owning many-to-manys. */
    void compareRelations(EntityModel<?> model, LiveSchema schema, List<String> problems) throws SQLException {
        LiveSchema.Table table = schema.table(model.table());
        for (RelationModel relation : model.relations()) {
            if (relation.isReference() && table != null && table.column(relation.foreignKey().column()) != null) {
                EntityModel<?> target = engine.model(relation.target());
                if (!table.hasForeignKey(relation.foreignKey().column(), target.table())) {
                    problems.add("missing foreign key " + model.table() + "." + relation.foreignKey().column() + " -> "
                            + target.table() + "." + target.id().column() + " (" + relation + "); add it with a migration");
                }
            }
            RelationModel.JoinTable join = relation.joinTable();
            if (join != null) {
                LiveSchema.Table joinTable = schema.table(join.table());
                if (joinTable == null) {
                    problems.add("missing join table " + join.table() + " (" + relation + ")");
                    continue;
                }
                for (String column : List.of(join.ownerColumn(), join.targetColumn())) {
                    if (joinTable.column(column) == null) {
                        problems.add("missing column " + join.table() + "." + column + " (join table of " + relation + ")");
                    }
                }
            }
        }
    }
}
