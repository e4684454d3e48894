package io.quarry.sql;

import io.quarry.QuarryException;
import io.quarry.dialect.Dialect;
import io.quarry.dialect.H2Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.types.CodecRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An INSERT of one row into an entity's table: the columns and, optionally, their values (a
 * statement without values renders placeholders only, for JDBC batches that bind each row).
 * Immutable and thread-safe.
 */
public final class Insert {

    private final EntityModel<?> model;
    private final List<PropertyModel> columns;
    private final List<Object> values;

    private Insert(EntityModel<?> model, List<PropertyModel> columns, List<Object> values) {
        this.model = model;
        this.columns = List.copyOf(columns);
        this.values = values == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(values));
        if (values != null && values.size() != columns.size()) {
            throw new QuarryException("INSERT into " + model.table() + " has " + columns.size() + " columns but "
                    + values.size() + " values");
        }
    }

    /** An INSERT of {@code columns} whose values are bound later, row by row. */
    public static Insert into(EntityModel<?> model, List<PropertyModel> columns) {
        return new Insert(model, columns, null);
    }

    /** An INSERT of every column of {@code entity} except a generated id that is still unset. */
    public static Insert of(EntityModel<?> model, Object entity) {
        List<PropertyModel> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (PropertyModel property : model.properties()) {
            if (property.isId() && property.generation() != null && model.hasUnsetId(entity)) {
                continue;
            }
            columns.add(property);
            values.add(property.get(entity));
        }
        return new Insert(model, columns, values);
    }

    /** The same columns with these values, in column order. */
    public Insert values(Object... rowValues) {
        return new Insert(model, columns, Arrays.asList(rowValues));
    }

    public List<PropertyModel> columns() {
        return columns;
    }

    public SqlStatement render(Dialect dialect, CodecRegistry codecs) {
        RenderContext context = new RenderContext(dialect, codecs, model);
        context.append("insert into ").identifier(model.table());
        if (columns.isEmpty()) { // an entity whose one column is its generated id
            return context.append(dialect.insertDefaultValues()).toStatement();
        }
        context.append(" (");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                context.append(", ");
            }
            context.identifier(columns.get(i).column());
        }
        context.append(") values (");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                context.append(", ");
            }
            if (values == null) {
                context.append("?");
            } else {
                context.bind(values.get(i), columns.get(i).codec());
            }
        }
        context.append(")");
        return context.toStatement();
    }

    @Override
    public String toString() {
        return render(new H2Dialect(), CodecRegistry.withDefaults()).toString();
    }
}
