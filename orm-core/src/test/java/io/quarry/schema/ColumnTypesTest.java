package io.quarry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.ColumnSpec;
import io.quarry.types.SqlType;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/**
 * Which live columns {@link ColumnTypes} accepts for each mapped kind, with the columns built as the drivers report
 * them: {@code ColumnTypesIT} checks on every database that the columns Quarry creates are accepted, this test
 * covers the reports of the databases a run does not reach (MySQL's BIT booleans, PostgreSQL's VARCHAR
 * {@code text}, ...) and the columns that must be refused.
 */
class ColumnTypesTest {

    private static ColumnSpec spec(SqlType type) {
        return new ColumnSpec(type, 255, 19, 2, true, false);
    }

    private static ColumnSpec text(SqlType type, int length) {
        return new ColumnSpec(type, length, 0, 0, true, false);
    }

    private static ColumnSpec decimal(int precision, int scale) {
        return new ColumnSpec(SqlType.DECIMAL, 255, precision, scale, true, false);
    }

    private static LiveSchema.Column column(int jdbcType, String typeName) {
        return new LiveSchema.Column("c", jdbcType, typeName, 0, 0, true);
    }

    private static LiveSchema.Column sized(int jdbcType, String typeName, int size) {
        return new LiveSchema.Column("c", jdbcType, typeName, size, 0, true);
    }

    private static LiveSchema.Column numeric(int precision, int scale) {
        return new LiveSchema.Column("c", Types.NUMERIC, "NUMERIC", precision, scale, true);
    }

    private static boolean fits(ColumnSpec expected, LiveSchema.Column actual) {
        return ColumnTypes.mismatch(expected, actual) == null;
    }

    @Test
    void aBooleanFitsABooleanMySqlsBitAndATinyintButNoOtherInteger() {
        assertThat(fits(spec(SqlType.BOOLEAN), column(Types.BOOLEAN, "BOOLEAN"))).isTrue();
        // MySQL's driver reports boolean (a tinyint(1)) as BIT, and so does PostgreSQL's for bool
        assertThat(fits(spec(SqlType.BOOLEAN), column(Types.BIT, "BIT"))).isTrue();
        assertThat(fits(spec(SqlType.BOOLEAN), column(Types.BIT, "bool"))).isTrue();
        // a tinyint made by hand or another tool (and MySQL's tinyint(1) with tinyInt1isBit=false)
        assertThat(fits(spec(SqlType.BOOLEAN), column(Types.TINYINT, "TINYINT"))).isTrue();
        assertThat(fits(spec(SqlType.BOOLEAN), column(Types.SMALLINT, "SMALLINT"))).isFalse();
        assertThat(fits(spec(SqlType.BOOLEAN), column(Types.VARCHAR, "VARCHAR"))).isFalse();
    }

    @Test
    void eachIntegerKindFitsOnlyItsOwnWidth() {
        assertThat(fits(spec(SqlType.SMALLINT), column(Types.SMALLINT, "SMALLINT"))).isTrue();
        assertThat(fits(spec(SqlType.SMALLINT), column(Types.TINYINT, "TINYINT"))).isFalse();
        assertThat(fits(spec(SqlType.SMALLINT), column(Types.INTEGER, "INTEGER"))).isFalse();
        assertThat(fits(spec(SqlType.INTEGER), column(Types.INTEGER, "INTEGER"))).isTrue();
        assertThat(fits(spec(SqlType.INTEGER), column(Types.SMALLINT, "SMALLINT"))).isFalse();
        assertThat(fits(spec(SqlType.INTEGER), column(Types.BIGINT, "BIGINT"))).isFalse();
        assertThat(fits(spec(SqlType.BIGINT), column(Types.BIGINT, "BIGINT"))).isTrue();
        assertThat(fits(spec(SqlType.BIGINT), column(Types.INTEGER, "INTEGER"))).isFalse();
    }

    @Test
    void aRealFitsARealOrAFloatAndADoubleFitsADoubleOrAFloatButNotAReal() {
        assertThat(fits(spec(SqlType.REAL), column(Types.REAL, "REAL"))).isTrue();
        // MySQL's float, as its driver reports it
        assertThat(fits(spec(SqlType.REAL), column(Types.REAL, "FLOAT"))).isTrue();
        // JDBC's FLOAT, which none of our drivers reports for a column Quarry creates
        assertThat(fits(spec(SqlType.REAL), column(Types.FLOAT, "FLOAT"))).isTrue();
        assertThat(fits(spec(SqlType.REAL), column(Types.DOUBLE, "DOUBLE"))).isFalse();
        assertThat(fits(spec(SqlType.DOUBLE), column(Types.DOUBLE, "DOUBLE PRECISION"))).isTrue();
        assertThat(fits(spec(SqlType.DOUBLE), column(Types.FLOAT, "FLOAT"))).isTrue();
        assertThat(fits(spec(SqlType.DOUBLE), column(Types.REAL, "REAL"))).isFalse();
        assertThat(fits(spec(SqlType.DOUBLE), column(Types.DECIMAL, "DECIMAL"))).isFalse();
    }

    @Test
    void aDecimalNeedsAtLeastTheMappedPrecisionAndExactlyTheMappedScale() {
        assertThat(fits(decimal(19, 2), numeric(19, 2))).isTrue();
        assertThat(fits(decimal(19, 2), numeric(30, 2))).isTrue();
        assertThat(fits(decimal(19, 2), new LiveSchema.Column("c", Types.DECIMAL, "DECIMAL", 19, 2, true))).isTrue();
        assertThat(ColumnTypes.mismatch(decimal(19, 2), numeric(18, 2)))
                .isEqualTo("has precision 18 and scale 2, the mapping 19 and 2");
        assertThat(ColumnTypes.mismatch(decimal(19, 2), numeric(19, 3)))
                .isEqualTo("has precision 19 and scale 3, the mapping 19 and 2");
        assertThat(ColumnTypes.mismatch(decimal(19, 2), numeric(19, 1)))
                .isEqualTo("has precision 19 and scale 1, the mapping 19 and 2");
        assertThat(ColumnTypes.mismatch(decimal(19, 2), column(Types.DOUBLE, "DOUBLE"))).isEmpty();
    }

    @Test
    void aCharNeedsACharOfAtLeastTheMappedLength() {
        assertThat(fits(text(SqlType.CHAR, 1), sized(Types.CHAR, "CHAR", 1))).isTrue();
        assertThat(fits(text(SqlType.CHAR, 36), sized(Types.NCHAR, "NCHAR", 40))).isTrue();
        assertThat(ColumnTypes.mismatch(text(SqlType.CHAR, 36), sized(Types.CHAR, "CHAR", 35)))
                .isEqualTo("holds 35 characters, the mapping up to 36");
        assertThat(ColumnTypes.mismatch(text(SqlType.CHAR, 1), sized(Types.VARCHAR, "VARCHAR", 1))).isEmpty();
    }

    @Test
    void aVarcharNeedsAVarcharOfAtLeastTheMappedLengthOrAnyLongText() {
        assertThat(fits(text(SqlType.VARCHAR, 40), sized(Types.VARCHAR, "VARCHAR", 40))).isTrue();
        assertThat(fits(text(SqlType.VARCHAR, 40), sized(Types.NVARCHAR, "NVARCHAR", 41))).isTrue();
        assertThat(ColumnTypes.mismatch(text(SqlType.VARCHAR, 40), sized(Types.VARCHAR, "VARCHAR", 39)))
                .isEqualTo("holds 39 characters, the mapping up to 40");
        assertThat(ColumnTypes.mismatch(text(SqlType.VARCHAR, 40), sized(Types.NVARCHAR, "NVARCHAR", 20)))
                .isEqualTo("holds 20 characters, the mapping up to 40");
        // MySQL's longtext (a VARCHAR longer than it allows) and a clob hold any length, whatever size they report
        assertThat(fits(text(SqlType.VARCHAR, 20_000), sized(Types.LONGVARCHAR, "LONGTEXT", 10))).isTrue();
        assertThat(fits(text(SqlType.VARCHAR, 20_000), sized(Types.CLOB, "CLOB", 10))).isTrue();
        assertThat(ColumnTypes.mismatch(text(SqlType.VARCHAR, 40), sized(Types.CHAR, "CHAR", 40))).isEmpty();
        assertThat(ColumnTypes.mismatch(text(SqlType.VARCHAR, 40), sized(Types.INTEGER, "INTEGER", 40))).isEmpty();
    }

    @Test
    void textFitsEveryTextColumnButNoOther() {
        // PostgreSQL reports text as VARCHAR
        assertThat(fits(spec(SqlType.TEXT), sized(Types.VARCHAR, "text", Integer.MAX_VALUE))).isTrue();
        // MySQL's longtext
        assertThat(fits(spec(SqlType.TEXT), column(Types.LONGVARCHAR, "LONGTEXT"))).isTrue();
        // H2's clob
        assertThat(fits(spec(SqlType.TEXT), column(Types.CLOB, "CHARACTER LARGE OBJECT"))).isTrue();
        assertThat(fits(spec(SqlType.TEXT), column(Types.NCLOB, "NCLOB"))).isTrue();
        assertThat(fits(spec(SqlType.TEXT), column(Types.LONGNVARCHAR, "LONGNVARCHAR"))).isTrue();
        assertThat(fits(spec(SqlType.TEXT), column(Types.NVARCHAR, "NVARCHAR"))).isTrue();
        assertThat(fits(spec(SqlType.TEXT), column(Types.CHAR, "CHAR"))).isFalse();
        assertThat(fits(spec(SqlType.TEXT), column(Types.BLOB, "BLOB"))).isFalse();
    }

    @Test
    void binaryFitsEveryBinaryColumnButNoText() {
        assertThat(fits(spec(SqlType.VARBINARY), column(Types.VARBINARY, "VARBINARY"))).isTrue();
        // PostgreSQL's bytea
        assertThat(fits(spec(SqlType.VARBINARY), column(Types.BINARY, "bytea"))).isTrue();
        // MySQL's longblob
        assertThat(fits(spec(SqlType.VARBINARY), column(Types.LONGVARBINARY, "LONGBLOB"))).isTrue();
        assertThat(fits(spec(SqlType.VARBINARY), column(Types.BLOB, "BLOB"))).isTrue();
        assertThat(fits(spec(SqlType.VARBINARY), column(Types.VARCHAR, "VARCHAR"))).isFalse();
    }

    @Test
    void eachTemporalKindFitsOnlyItsOwnTypeWhereATimestampMayStandForOneWithTimeZone() {
        assertThat(fits(spec(SqlType.DATE), column(Types.DATE, "DATE"))).isTrue();
        assertThat(fits(spec(SqlType.DATE), column(Types.TIMESTAMP, "TIMESTAMP"))).isFalse();
        assertThat(fits(spec(SqlType.TIME), column(Types.TIME, "TIME"))).isTrue();
        assertThat(fits(spec(SqlType.TIME), column(Types.TIME_WITH_TIMEZONE, "TIME WITH TIME ZONE"))).isTrue();
        assertThat(fits(spec(SqlType.TIME), column(Types.TIMESTAMP, "TIMESTAMP"))).isFalse();
        assertThat(fits(spec(SqlType.TIMESTAMP), column(Types.TIMESTAMP, "TIMESTAMP"))).isTrue();
        assertThat(fits(spec(SqlType.TIMESTAMP), column(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE")))
                .isFalse();
        assertThat(fits(spec(SqlType.TIMESTAMP), column(Types.DATE, "DATE"))).isFalse();
        assertThat(fits(spec(SqlType.TIMESTAMP_TZ), column(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE")))
                .isTrue();
        // PostgreSQL's timestamptz and MySQL's UTC datetime(6) are reported as TIMESTAMP
        assertThat(fits(spec(SqlType.TIMESTAMP_TZ), column(Types.TIMESTAMP, "timestamptz"))).isTrue();
        assertThat(fits(spec(SqlType.TIMESTAMP_TZ), column(Types.DATE, "DATE"))).isFalse();
    }

    @Test
    void aUuidFitsAUuidColumnOrTextOfThirtySixCharacters() {
        assertThat(fits(spec(SqlType.UUID), column(Types.OTHER, "uuid"))).isTrue();
        // H2 reports its UUID in upper case, as a BINARY
        assertThat(fits(spec(SqlType.UUID), column(Types.BINARY, "UUID"))).isTrue();
        assertThat(fits(spec(SqlType.UUID), sized(Types.CHAR, "CHAR", 36))).isTrue();
        assertThat(fits(spec(SqlType.UUID), sized(Types.VARCHAR, "VARCHAR", 40))).isTrue();
        assertThat(ColumnTypes.mismatch(spec(SqlType.UUID), sized(Types.CHAR, "CHAR", 32)))
                .isEqualTo("holds 32 characters, the mapping up to 36");
        assertThat(ColumnTypes.mismatch(spec(SqlType.UUID), sized(Types.VARCHAR, "VARCHAR", 35)))
                .isEqualTo("holds 35 characters, the mapping up to 36");
        assertThat(ColumnTypes.mismatch(spec(SqlType.UUID), column(Types.BINARY, "BINARY"))).isEmpty();
        assertThat(ColumnTypes.mismatch(spec(SqlType.UUID), column(Types.OTHER, null))).isEmpty();
    }

    @Test
    void aColumnDescribesItselfWithItsSizeAndScaleUnlessItsTypeNameHasThemOrItHasNone() {
        assertThat(sized(Types.VARCHAR, "VARCHAR", 20).describe()).isEqualTo("varchar(20)");
        assertThat(numeric(10, 2).describe()).isEqualTo("numeric(10, 2)");
        assertThat(numeric(10, 0).describe()).isEqualTo("numeric(10)");
        assertThat(sized(Types.VARCHAR, "text", Integer.MAX_VALUE).describe()).isEqualTo("text");
        assertThat(sized(Types.OTHER, "uuid", 0).describe()).isEqualTo("uuid");
        assertThat(sized(Types.BIT, "bit", 1).describe()).isEqualTo("bit(1)");
        assertThat(sized(Types.TIMESTAMP, "datetime(6)", 26).describe()).isEqualTo("datetime(6)");
    }
}
