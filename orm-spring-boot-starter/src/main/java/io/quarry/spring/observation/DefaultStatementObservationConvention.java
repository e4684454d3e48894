package io.quarry.spring.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * Quarry's names for statement observations: {@code quarry.statement}, with low-cardinality key values
 * {@code kind} ({@code query}, {@code stream}, {@code update}, {@code batch}, {@code execute}) and
 * {@code outcome} ({@code SUCCESS}, {@code ERROR}), which become the timer's tags, and high-cardinality ones
 * {@code sql} (the SQL text with {@code ?} placeholders: values are never in it), {@code rows} (when known) and
 * {@code batch.size} (a batch's parameter sets), which only spans carry. The contextual name (a span's name)
 * is the task, e.g. {@code query Host}, {@code flush Host}, {@code load Host.tags}. Thread-safe.
 */
public class DefaultStatementObservationConvention implements StatementObservationConvention {

    /** The observation's name, and the timer's. */
    public static final String NAME = "quarry.statement";

    private static final KeyValue SUCCESS = KeyValue.of("outcome", "SUCCESS");
    private static final KeyValue ERROR = KeyValue.of("outcome", "ERROR");

    private final boolean includeSql;

    /** A convention that puts the SQL text into spans. */
    public DefaultStatementObservationConvention() {
        this(true);
    }

    /** A convention that puts the SQL text into spans only when {@code includeSql}. */
    public DefaultStatementObservationConvention(boolean includeSql) {
        this.includeSql = includeSql;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(StatementObservationContext context) {
        return context.getStatement().task();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(StatementObservationContext context) {
        return KeyValues.of(KeyValue.of("kind", context.getStatement().kind().name().toLowerCase(Locale.ROOT)),
                context.getError() == null ? SUCCESS : ERROR);
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(StatementObservationContext context) {
        KeyValues values = includeSql ? KeyValues.of("sql", context.getStatement().sql()) : KeyValues.empty();
        if (context.getRows() >= 0) {
            values = values.and("rows", Long.toString(context.getRows()));
        }
        if (context.getStatement().parameterSets() > 1) {
            values = values.and("batch.size", Integer.toString(context.getStatement().parameterSets()));
        }
        return values;
    }
}
