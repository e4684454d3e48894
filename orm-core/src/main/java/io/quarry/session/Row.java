package io.quarry.session;

import io.quarry.QuarryException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One result row of a column or aggregate query: values by 0-based position or by label, with
 * typed getters that convert numbers without losing digits (databases disagree on the type of {@code sum} and
 * {@code count}). Immutable.
 */
public final class Row {

    private final List<String> labels;
    private final Object[] values;

    Row(List<String> labels, Object[] values) {
        this.labels = labels;
        this.values = values;
    }

    public int size() {
        return values.length;
    }

    /** The labels: property names for columns, e.g. {@code count} or {@code sum_port} for aggregates. */
    public List<String> labels() {
        return labels;
    }

    public Object get(int index) {
        checkIndex(index);
        return values[index];
    }

    public Object get(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new QuarryException("No column '" + label + "' in this row; columns: " + labels);
        }
        return values[index];
    }

    /** The value at {@code index} as {@code type}; numbers are converted. */
    public <V> V get(int index, Class<V> type) {
        return convert(get(index), type);
    }

    public String getString(int index) {
        Object value = get(index);
        return value == null ? null : value.toString();
    }

    public Long getLong(int index) {
        return get(index, Long.class);
    }

    public Integer getInt(int index) {
        return get(index, Integer.class);
    }

    public Double getDouble(int index) {
        return get(index, Double.class);
    }

    public BigDecimal getBigDecimal(int index) {
        return get(index, BigDecimal.class);
    }

    Object[] values() {
        return values;
    }

    @SuppressWarnings("unchecked")
    static <V> V convert(Object value, Class<V> type) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new QuarryException("NULL cannot be read as " + type.getName() + "; use " + boxed(type).getSimpleName());
            }
            return null;
        }
        Class<?> target = boxed(type);
        if (target.isInstance(value)) {
            return (V) value;
        }
        if (value instanceof Number number) {
            // whole-number targets take the value only when no digit is lost; Double and Float round
            Object converted = io.quarry.types.Numbers.convertExactly(number, target);
            if (converted != null) {
                return (V) converted;
            }
            if (target == Long.class || target == Integer.class || target == Short.class || target == Byte.class
                    || target == java.math.BigInteger.class) {
                throw new QuarryException("The value " + value + " (" + value.getClass().getSimpleName()
                        + ") does not fit " + type.getSimpleName() + " without losing digits; read it as "
                        + (number instanceof BigDecimal || number instanceof Double || number instanceof Float
                                ? "BigDecimal or Double" : "Long or BigDecimal"));
            }
        }
        if (target == String.class) {
            return (V) value.toString();
        }
        throw new QuarryException("A " + value.getClass().getName() + " (" + value + ") cannot be read as " + type.getName());
    }

    private static Class<?> boxed(Class<?> type) {
        return io.quarry.types.Numbers.boxed(type);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= values.length) {
            throw new QuarryException("Column index " + index + " is outside this row of " + values.length
                    + " columns (indexes start at 0)");
        }
    }

    @Override
    public String toString() {
        return "Row" + Arrays.toString(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row row && Arrays.equals(values, row.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
