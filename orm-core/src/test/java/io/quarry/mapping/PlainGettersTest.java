package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.internal.TypedGetters;
import io.quarry.types.BuiltinCodecs;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import io.quarry.types.SimpleCodec;
import io.quarry.types.SqlType;
import io.quarry.types.TemporalTextCodecs;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The table of typed getters the generated readers call, against the codecs they stand in for. */
class PlainGettersTest {

    private final CodecRegistry codecs = CodecRegistry.withDefaults();

    @Test
    void everyGetterExistsAndReturnsItsType() throws ReflectiveOperationException {
        for (Class<?> type : PlainGetters.types()) {
            PlainGetters.Getter getter = PlainGetters.of(type, codecs.lookup(type, false));
            assertThat(getter).as("getter of %s", type.getName()).isNotNull();
            Method method = method(getter);
            String descriptor = MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                    .toMethodDescriptorString();
            assertThat(descriptor).as("%s for %s", method, type.getName()).isEqualTo(getter.descriptor());
            Class<?> returned = getter.typeArgument() != null ? getter.typeArgument() : method.getReturnType();
            assertThat(returned).as("%s for %s", method, type.getName()).isEqualTo(type);
            assertThat(Modifier.isStatic(method.getModifiers())).isEqualTo(getter.helper());
        }
    }

    @Test
    void coversEveryBuiltInTypeWhoseCodecIsAPlainGetter() {
        assertThat(PlainGetters.types()).contains(String.class, boolean.class, Boolean.class, byte.class, Byte.class,
                short.class, Short.class, int.class, Integer.class, long.class, Long.class, float.class, Float.class,
                double.class, Double.class, java.math.BigDecimal.class, byte[].class, UUID.class,
                java.time.LocalDate.class, java.time.LocalTime.class, LocalDateTime.class, OffsetDateTime.class,
                java.sql.Date.class, java.sql.Time.class, java.sql.Timestamp.class);
    }

    @Test
    void primitivesFailOnNullAndBoxesReadIt() {
        assertThat(PlainGetters.of(int.class, BuiltinCodecs.INTEGER).name()).isEqualTo("intValue");
        assertThat(PlainGetters.of(Integer.class, BuiltinCodecs.INTEGER).name()).isEqualTo("intOrNull");
        assertThat(PlainGetters.of(boolean.class, BuiltinCodecs.BOOLEAN).name()).isEqualTo("booleanValue");
        assertThat(PlainGetters.of(Boolean.class, BuiltinCodecs.BOOLEAN).name()).isEqualTo("booleanOrNull");
    }

    @Test
    void typesThatConvertKeepTheirCodecs() {
        assertThat(PlainGetters.of(char.class, codecs.lookup(char.class, false))).isNull();
        assertThat(PlainGetters.of(Character.class, codecs.lookup(Character.class, false))).isNull();
        assertThat(PlainGetters.of(BigInteger.class, codecs.lookup(BigInteger.class, false))).isNull();
        assertThat(PlainGetters.of(Instant.class, codecs.lookup(Instant.class, false))).isNull();
        assertThat(PlainGetters.of(SqlType.class, codecs.lookup(SqlType.class, false))).isNull();
    }

    @Test
    void aCodecOtherThanTheBuiltInOneKeepsTheCodecPath() {
        Codec<String> trimming = SimpleCodec.of(SqlType.VARCHAR, (st, i, v) -> st.setString(i, v),
                (rs, i) -> rs.getString(i).trim());

        assertThat(PlainGetters.of(String.class, trimming)).isNull();
        assertThat(PlainGetters.of(UUID.class, BuiltinCodecs.UUID_AS_CHAR)).isNull();
        assertThat(PlainGetters.of(OffsetDateTime.class, BuiltinCodecs.OFFSET_DATE_TIME_AS_UTC_DATETIME)).isNull();
        assertThat(PlainGetters.of(Long.class, BuiltinCodecs.INTEGER)).isNull();
    }

    @Test
    void theTextTemporalCodecsOfMariaDbReadAsTheBuiltInOnes() {
        assertThat(PlainGetters.of(LocalDateTime.class, TemporalTextCodecs.LOCAL_DATE_TIME))
                .isEqualTo(PlainGetters.of(LocalDateTime.class, BuiltinCodecs.LOCAL_DATE_TIME));
        assertThat(PlainGetters.of(java.sql.Timestamp.class, TemporalTextCodecs.TIMESTAMP))
                .isEqualTo(PlainGetters.of(java.sql.Timestamp.class, BuiltinCodecs.SQL_TIMESTAMP));
        assertThat(PlainGetters.of(Instant.class, TemporalTextCodecs.INSTANT_AS_UTC_DATETIME)).isNull();
    }

    private static Method method(PlainGetters.Getter getter) throws NoSuchMethodException {
        if (getter.helper()) {
            return TypedGetters.class.getMethod(getter.name(), ResultSet.class, int.class);
        }
        return getter.typeArgument() != null ? ResultSet.class.getMethod(getter.name(), int.class, Class.class)
                : ResultSet.class.getMethod(getter.name(), int.class);
    }
}
