package io.quarry.schema;

import io.quarry.dialect.Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.schema.SchemaChanges.Change;
import io.quarry.sql.SchemaDdl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes to an existing table's columns that may lose data, each with its warning: a type the
 * column cannot keep, a nullability that differs, a column the mapping no longer has. Stateless.
 */
final class ColumnChanges {

    private final Dialect dialect;
    private final SchemaDdl ddl;

    ColumnChanges(Dialect dialect, SchemaDdl ddl) {
        this.dialect = dialect;
        this.ddl = ddl;
    }

    List<Change> of(EntityModel<?> model, LiveSchema.Table table) {
        List<Change> changes = new ArrayList<>();
        Set<String> mapped = new HashSet<>();
        for (PropertyModel property : model.properties()) {
            mapped.add(LiveSchema.key(property.column()));
            LiveSchema.Column column = table.column(property.column());
            if (column == null) {
                continue;
            }
            String where = "column " + model.table() + "." + property.column();
            String type = dialect.typeName(property.spec());
            if (ColumnTypes.mismatch(property.spec(), column) != null) {
                changes.add(new Change(ddl.alterColumnType(model, property), true, where + " is " + column.describe()
                        + " in the database, the mapping says " + type
                        + ": changing its type fails or loses values that do not fit; check the data first"));
            }
            boolean nullable = property.spec().nullable() && !property.isId();
            if (nullable != column.nullable()) {
                nullability(changes, ddl.alterColumnNullability(model, property), where, nullable);
            }
        }
        for (LiveSchema.Column column : table.columns().values()) {
            if (!mapped.contains(LiveSchema.key(column.name()))) {
                String written = SchemaChanges.writable(dialect, column.name());
                String what = "column " + model.table() + "." + (written == null ? column.name() : written)
                        + " is in the database but not in the mapping";
                changes.add(written == null ? SchemaChanges.unwritable(what)
                        : new Change(ddl.dropColumn(model.table(), written), true, what + "; dropping it deletes its values"));
            }
        }
        return changes;
    }

    private static void nullability(List<Change> changes, String sql, String where, boolean nullable) {
        String warning = nullable
                ? " is NOT NULL in the database, the mapping allows NULL: dropping the constraint lets NULLs in"
                : " allows NULL in the database, the mapping says NOT NULL: rows holding NULL make it fail;"
                        + " give them a value first";
        int last = changes.size() - 1;
        if (last >= 0 && sql.equals(changes.get(last).sql())) {
            // MySQL restates the whole column: the type change sets the nullability too, so it carries both warnings
            changes.set(last, new Change(sql, true, changes.get(last).warning()
                    + "; the same statement changes its nullability: it" + warning));
        } else {
            changes.add(new Change(sql, true, where + warning));
        }
    }
}
