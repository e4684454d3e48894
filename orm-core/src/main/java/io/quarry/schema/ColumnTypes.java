package io.quarry.schema;

import io.quarry.mapping.ColumnSpec;
import java.sql.Types;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a live column can hold what a mapped column expects, across the ways H2, MySQL/MariaDB
 * and PostgreSQL drivers report the types Quarry's dialects create (PostgreSQL's {@code text} is a
 * VARCHAR, MySQL's {@code boolean} a BIT, PostgreSQL's {@code timestamptz} a TIMESTAMP, ...).
 * Stateless.
 */
final class ColumnTypes {

    private static final Set<Integer> TEXTS = Set.of(Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR,
            Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);
    private static final Set<Integer> BINARIES = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

    private ColumnTypes() {
    }

    /** {@code null} when {@code actual} fits {@code expected}, else what is wrong with it. */
    static String mismatch(ColumnSpec expected, LiveSchema.Column actual) {
        int type = actual.jdbcType();
        String name = actual.typeName() == null ? "" : actual.typeName().toLowerCase(Locale.ROOT);
        return switch (expected.sqlType()) {
            case BOOLEAN -> fits(type == Types.BOOLEAN || type == Types.BIT || type == Types.TINYINT);
            case SMALLINT -> fits(type == Types.SMALLINT);
            case INTEGER -> fits(type == Types.INTEGER);
            case BIGINT -> fits(type == Types.BIGINT);
            case REAL -> fits(type == Types.REAL || type == Types.FLOAT);
            case DOUBLE -> fits(type == Types.DOUBLE || type == Types.FLOAT);
            case DECIMAL -> type != Types.DECIMAL && type != Types.NUMERIC ? "" : decimal(expected, actual);
            case CHAR -> type != Types.CHAR && type != Types.NCHAR ? "" : length(expected.length(), actual);
            case VARCHAR -> !TEXTS.contains(type) ? ""
                    : type == Types.VARCHAR || type == Types.NVARCHAR ? length(expected.length(), actual) : null;
            case TEXT -> fits(TEXTS.contains(type));
            case VARBINARY -> fits(BINARIES.contains(type));
            case DATE -> fits(type == Types.DATE);
            case TIME -> fits(type == Types.TIME || type == Types.TIME_WITH_TIMEZONE);
            case TIMESTAMP -> fits(type == Types.TIMESTAMP);
            case TIMESTAMP_TZ -> fits(type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP);
            case UUID -> name.equals("uuid") ? null
                    : type == Types.CHAR || type == Types.VARCHAR ? length(36, actual) : "";
        };
    }

    private static String fits(boolean fits) {
        return fits ? null : "";
    }

    private static String length(int expected, LiveSchema.Column actual) {
        return actual.size() < expected ? "holds " + actual.size() + " characters, the mapping up to " + expected : null;
    }

    private static String decimal(ColumnSpec expected, LiveSchema.Column actual) {
        if (actual.size() < expected.precision() || actual.decimalDigits() != expected.scale()) {
            return "has precision " + actual.size() + " and scale " + actual.decimalDigits() + ", the mapping "
                    + expected.precision() + " and " + expected.scale();
        }
        return null;
    }
}
