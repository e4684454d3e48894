package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A result row: values by position and label, and the number conversions its typed getters make. */
class RowTest {

    private final Row row = new Row(List.of("rack", "count", "sum_port", "avg_port", "note"),
            new Object[] {"r1", 3L, new BigDecimal("66"), new BigDecimal("22.5"), null});

    @Test
    void readsValuesByPositionAndByLabel() {
        assertThat(row.size()).isEqualTo(5);
        assertThat(row.labels()).containsExactly("rack", "count", "sum_port", "avg_port", "note");
        assertThat(row.get(0)).isEqualTo("r1");
        assertThat(row.get("count")).isEqualTo(3L);
        assertThat(row.get(4)).isNull();
        assertThat(row.getString(0)).isEqualTo("r1");
        assertThat(row.getString(1)).isEqualTo("3");
        assertThat(row.getString(4)).isNull();
    }

    @Test
    void aPositionOutsideTheRowOrAnUnknownLabelIsNamed() {
        assertThatThrownBy(() -> row.get(5)).isInstanceOf(QuarryException.class)
                .hasMessage("Column index 5 is outside this row of 5 columns (indexes start at 0)");
        assertThatThrownBy(() -> row.get(-1)).hasMessage("Column index -1 is outside this row of 5 columns (indexes start at 0)");
        assertThatThrownBy(() -> row.getString(5)).hasMessageStartingWith("Column index 5");
        assertThatThrownBy(() -> row.get("total"))
                .hasMessage("No column 'total' in this row; columns: [rack, count, sum_port, avg_port, note]");
    }

    @Test
    void numbersConvertToTheRequestedTypeWhenNoDigitIsLost() {
        assertThat(row.getInt(1)).isEqualTo(3);
        assertThat(row.getLong(2)).isEqualTo(66L);
        assertThat(row.getInt(2)).isEqualTo(66);
        assertThat(row.get(2, Short.class)).isEqualTo((short) 66);
        assertThat(row.get(2, BigInteger.class)).isEqualTo(BigInteger.valueOf(66));
        assertThat(row.getDouble(3)).isEqualTo(22.5);
        assertThat(row.get(3, Float.class)).isEqualTo(22.5f);
        assertThat(row.getBigDecimal(1)).isEqualTo(new BigDecimal("3"));
        assertThat(row.get(1, long.class)).isEqualTo(3L);
        assertThat(row.get(1, Number.class)).isSameAs(row.get(1));
        assertThat(row.get(0, String.class)).isSameAs(row.get(0));
        assertThat(row.get(1, String.class)).isEqualTo("3");
        assertThat(row.getLong(4)).isNull();
    }

    @Test
    void aNumberThatWouldLoseDigitsIsRefusedNotTruncated() {
        Row big = new Row(List.of("total"), new Object[] {5_000_000_000L});
        assertThatThrownBy(() -> big.getInt(0))
                .isInstanceOf(QuarryException.class)
                .hasMessage("The value 5000000000 (Long) does not fit Integer without losing digits; read it as Long or "
                        + "BigDecimal");
        assertThatThrownBy(() -> row.getLong(3))
                .hasMessage("The value 22.5 (BigDecimal) does not fit Long without losing digits; read it as BigDecimal "
                        + "or Double");
        assertThatThrownBy(() -> row.get(3, BigInteger.class)).hasMessageContaining("does not fit BigInteger");
    }

    @Test
    void aFractionalDoubleOrFloatThatWouldLoseDigitsIsToBeReadAsBigDecimalOrDouble() {
        Row fractions = new Row(List.of("d", "f"), new Object[] {2.5d, 1.5f});
        assertThatThrownBy(() -> fractions.getLong(0))
                .hasMessage("The value 2.5 (Double) does not fit Long without losing digits; read it as BigDecimal "
                        + "or Double");
        assertThatThrownBy(() -> fractions.getInt(1))
                .hasMessage("The value 1.5 (Float) does not fit Integer without losing digits; read it as BigDecimal "
                        + "or Double");
    }

    @Test
    void nullIntoAPrimitiveAndValuesOfAnotherKindAreRefusedWithTheTypes() {
        assertThatThrownBy(() -> row.get(4, int.class)).isInstanceOf(QuarryException.class)
                .hasMessage("NULL cannot be read as int; use Integer");
        assertThatThrownBy(() -> row.getLong(0)).isInstanceOf(QuarryException.class)
                .hasMessage("A java.lang.String (r1) cannot be read as java.lang.Long");
    }

    @Test
    void rowsAreEqualByValuesAndShowThem() {
        Row same = new Row(List.of("a", "b", "c", "d", "e"), new Object[] {"r1", 3L, new BigDecimal("66"),
                new BigDecimal("22.5"), null});
        Row other = new Row(List.of("rack"), new Object[] {"r2"});
        assertThat(row).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other).isNotEqualTo("r1");
        assertThat(row.hashCode()).isNotEqualTo(other.hashCode());
        assertThat(row).hasToString("Row[r1, 3, 66, 22.5, null]");
    }
}
