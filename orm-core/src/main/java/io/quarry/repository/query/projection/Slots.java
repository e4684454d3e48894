package io.quarry.repository.query.projection;

import io.quarry.QuarryException;
import io.quarry.mapping.Names;
import io.quarry.mapping.PropertyModel;
import io.quarry.repository.query.Coercions;
import io.quarry.repository.query.Types;
import io.quarry.session.ResultMapper;
import io.quarry.types.Codec;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The values a projection reads from a row, each through a codec: by position in derived queries
 * (the selected columns, maybe through relations), by label in hand-written SQL. Immutable.
 */
final class Slots {

    /**
     * One value.
     *
     * @param name the constructor parameter or getter property name
     * @param column the path a derived query selects ({@code hostname}, {@code datacenter.name}), or null
     * @param property the entity property it names, or null (hand-written SQL only)
     * @param codec reads the column
     * @param type the declared Java type
     * @param labels lower-case column labels that match it
     */
    record Slot(String name, String column, PropertyModel property, Codec<Object> codec, Class<?> type,
            List<String> labels) {

        /** A value of a derived query: the column at the end of {@code column}, a path from the entity. */
        static Slot selecting(String name, String column, PropertyModel property, Class<?> type) {
            return new Slot(name, column, property, property.codec(), type, List.of());
        }

        /** A value of hand-written SQL, found by label. */
        static Slot of(String name, PropertyModel property, Codec<Object> codec, Class<?> type) {
            List<String> labels = new ArrayList<>();
            labels.add(name.toLowerCase(Locale.ROOT));
            labels.add(Names.snakeCase(name).toLowerCase(Locale.ROOT));
            if (property != null) {
                labels.add(property.column().toLowerCase(Locale.ROOT));
            }
            return new Slot(name, property == null ? null : property.name(), property, codec, type,
                    List.copyOf(labels));
        }
    }

    private final String target;
    private final List<Slot> slots;

    Slots(String target, List<Slot> slots) {
        this.target = target;
        this.slots = List.copyOf(slots);
    }

    List<Slot> slots() {
        return slots;
    }

    /** The paths a derived query selects, in slot order. */
    List<String> columns() {
        return slots.stream().map(Slot::column).toList();
    }

    /** A mapper reading columns 1..n in slot order. */
    ResultMapper<Object> byPosition(Function<Object[], Object> create) {
        int[] columns = new int[slots.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i + 1;
        }
        return resultSet -> create.apply(read(resultSet, columns));
    }

    /** A mapper that finds each slot's column by label, once per result set (when it is specialized to it). */
    ResultMapper<Object> byLabel(Function<Object[], Object> create) {
        return new ResultMapper<>() {
            @Override
            public Object map(ResultSet resultSet) throws SQLException {
                return specialize(resultSet).map(resultSet);
            }

            @Override
            public ResultMapper<Object> specialize(ResultSet resultSet) throws SQLException {
                int[] columns = columnsByLabel(resultSet);
                return rows -> create.apply(read(rows, columns));
            }
        };
    }

    private Object[] read(ResultSet resultSet, int[] columns) throws SQLException {
        Object[] values = new Object[slots.size()];
        for (int i = 0; i < values.length; i++) {
            Slot slot = slots.get(i);
            Object value = slot.codec().read(resultSet, columns[i]);
            if (value == null && slot.type().isPrimitive()) {
                throw new QuarryException("Column " + columns[i] + " for '" + slot.name() + "' of " + target
                        + " is NULL but the " + target + " declares it as " + slot.type().getName() + "; declare it as "
                        + Types.boxed(slot.type()).getSimpleName());
            }
            // the message is built only when a value needs converting, not for every value of every row
            values[i] = value == null || Types.boxed(slot.type()).isInstance(value) ? value
                    : Coercions.convert(value, slot.type(), "'" + slot.name() + "' of " + target);
        }
        return values;
    }

    private int[] columnsByLabel(ResultSet resultSet) throws SQLException {
        ResultSetMetaData metadata = resultSet.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            labels.add(metadata.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        int[] columns = new int[slots.size()];
        for (int i = 0; i < columns.length; i++) {
            Slot slot = slots.get(i);
            int found = -1;
            for (String label : slot.labels()) {
                found = labels.indexOf(label);
                if (found >= 0) {
                    break;
                }
            }
            if (found < 0) {
                throw new QuarryException("The SQL result has no column for '" + slot.name() + "' of " + target
                        + " (columns: " + String.join(", ", labels) + "); alias a column as " + slot.name());
            }
            columns[i] = found + 1;
        }
        return columns;
    }
}
