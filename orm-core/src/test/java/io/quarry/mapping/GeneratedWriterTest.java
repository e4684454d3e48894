package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import io.quarry.mapping.other.AuditedBase;
import io.quarry.types.CodecRegistry;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Entities read often are built by a generated class with plain field stores; it must build exactly
 * what the method-handle path builds, for every kind of field, and leave the error messages to it.
 */
class GeneratedWriterTest {

    private final ModelRegistry models = new ModelRegistry(CodecRegistry.withDefaults());

    @Entity
    static final class EveryType {
        @Id private Long id;
        private int anInt;
        private long aLong;
        private short aShort;
        private byte aByte;
        private boolean aBoolean;
        private char aChar;
        private float aFloat;
        private double aDouble;
        private Integer boxed;
        private String text;
        private BigDecimal amount;
        private LocalDateTime at;
        private UUID uuid;
        private byte[] bytes;
        private Level level;

        private EveryType() {
        }
    }

    private enum Level { LOW, HIGH }

    @Entity
    static class Audited extends AuditedBase {
        @Id Long id;
        protected String name;
    }

    @Entity
    record Point(@Id long id, double x, double y, String label, boolean visible) {
    }

    private static Object[] everyTypeValues() {
        return new Object[] {7L, 42, 1L << 40, (short) 300, (byte) -5, true, 'q', 1.5f, -2.25, null, "text",
                new BigDecimal("12.50"), LocalDateTime.of(2026, 11, 26, 4, 0, 1, 123_000), UUID.randomUUID(),
                new byte[] {1, 2, 3}, Level.HIGH};
    }

    @Test
    void theGeneratedWriterSetsEveryKindOfFieldAsTheHandlesDo() {
        EntityModel<EveryType> model = models.model(EveryType.class);
        Object[] values = everyTypeValues();
        EveryType throughHandles = model.instantiate(values);
        model.inflate();
        assertThat(model.inflated()).isTrue();
        EveryType generated = model.instantiate(values);
        assertThat(generated).isNotSameAs(throughHandles).usingRecursiveComparison().isEqualTo(throughHandles);
        assertThat(model.values(generated)).containsExactly(values);
    }

    @Test
    void fieldsDeclaredBySuperclassesInOtherPackagesAreSetByTheirOwnWriter() {
        EntityModel<Audited> model = models.model(Audited.class);
        model.inflate();
        assertThat(model.inflated()).isTrue();
        Object[] values = new Object[model.properties().size()];
        for (PropertyModel property : model.properties()) {
            values[property.position()] = switch (property.name()) {
                case "id" -> 3L;
                case "createdBy" -> "alice";
                case "revision" -> 9;
                default -> "host-3";
            };
        }
        Audited audited = model.instantiate(values);
        assertThat(audited.id).isEqualTo(3L);
        assertThat(audited.name).isEqualTo("host-3");
        assertThat(audited.createdBy()).isEqualTo("alice");
        assertThat(audited.revision()).isEqualTo(9);
    }

    @Test
    void recordsAreBuiltThroughTheirCanonicalConstructor() {
        EntityModel<Point> model = models.model(Point.class);
        model.inflate();
        assertThat(model.inflated()).isTrue();
        assertThat(model.instantiate(new Object[] {4L, 1.5, -2.0, "p", true}))
                .isEqualTo(new Point(4L, 1.5, -2.0, "p", true));
    }

    @Test
    void aNullForAPrimitiveStillNamesTheFieldAndTheFix() {
        EntityModel<EveryType> model = models.model(EveryType.class);
        model.inflate();
        Object[] values = everyTypeValues();
        values[1] = null;
        assertThatThrownBy(() -> model.instantiate(values)).isInstanceOf(MappingException.class)
                .hasMessageContaining("EveryType.anInt").hasMessageContaining("declare the field as Integer");
        EntityModel<Point> points = models.model(Point.class);
        points.inflate();
        assertThatThrownBy(() -> points.instantiate(new Object[] {4L, null, 1.0, "p", true}))
                .isInstanceOf(MappingException.class).hasMessageContaining("Point");
    }

    @Test
    void aValueOfAnotherTypeIsReportedByTheHandlesPath() {
        EntityModel<EveryType> model = models.model(EveryType.class);
        model.inflate();
        Object[] values = everyTypeValues();
        values[10] = 12;
        assertThatThrownBy(() -> model.instantiate(values)).isInstanceOf(MappingException.class)
                .hasMessageContaining("EveryType.text").hasMessageContaining("java.lang.Integer");
    }

    @Test
    void theWriterIsGeneratedOnlyAfterTheThresholdOfInstances() {
        EntityModel<Point> model = models.model(Point.class);
        Object[] values = {1L, 0.0, 0.0, "origin", false};
        for (int i = 1; i < EntityModel.INFLATION_THRESHOLD; i++) {
            model.instantiate(values);
        }
        assertThat(model.inflated()).isFalse();
        model.instantiate(values);
        assertThat(model.inflated()).isTrue();
        assertThat(model.instantiate(values)).isEqualTo(new Point(1L, 0.0, 0.0, "origin", false));
    }

    // ---- the fast path is taken, and a fallback shows

    private static <T> void instantiate(EntityModel<T> model, Object[] values, int times) {
        for (int i = 0; i < times; i++) {
            model.instantiate(values.clone());
        }
    }

    @Test
    void hotEntitiesAreBuiltByTheGeneratedWriterOnceInflated() {
        EntityModel<EveryType> everyType = models.model(EveryType.class);
        EntityModel<Point> points = models.model(Point.class);

        instantiate(everyType, everyTypeValues(), EntityModel.INFLATION_THRESHOLD + 100);
        instantiate(points, new Object[] {1L, 0.5, 0.25, "p", true}, EntityModel.INFLATION_THRESHOLD + 100);

        assertThat(everyType.instancesBuiltThroughHandles()).isEqualTo(EntityModel.INFLATION_THRESHOLD);
        assertThat(points.instancesBuiltThroughHandles()).isEqualTo(EntityModel.INFLATION_THRESHOLD);
    }

    @Test
    void anEntityWithInheritedFieldsTakesTheFastPathWithEveryWriter() {
        EntityModel<Audited> model = models.model(Audited.class);
        model.inflate();
        Object[] values = new Object[model.properties().size()];
        for (PropertyModel property : model.properties()) {
            values[property.position()] = property.name().equals("revision") ? 2 : property.name().equals("id") ? 1L : "x";
        }

        Audited audited = model.instantiate(values);

        assertThat(model.instancesBuiltThroughHandles()).isZero();
        assertThat(audited.revision()).isEqualTo(2);
        assertThat(audited.createdBy()).isEqualTo("x");
    }

    @Test
    void aWriterFailureIsCountedAsAFallbackToTheHandles() {
        EntityModel<EveryType> model = models.model(EveryType.class);
        model.inflate();
        Object[] values = everyTypeValues();
        values[10] = 12;

        assertThatThrownBy(() -> model.instantiate(values)).isInstanceOf(MappingException.class);
        assertThat(model.instancesBuiltThroughHandles()).isEqualTo(1);
        model.instantiate(everyTypeValues());
        assertThat(model.instancesBuiltThroughHandles()).isEqualTo(1);
    }

    @Entity
    record Wide(@Id long id, long a, long b, long c, double d, double e, double f, double g) {
    }

    @Test
    void recordsOfManyLongAndDoubleComponentsGetAGeneratedWriterAndReader() {
        EntityModel<Wide> model = models.model(Wide.class);

        model.inflate();
        model.readers().inflate();

        assertThat(model.inflated()).as("writer").isTrue();
        assertThat(model.readers().generated()).as("reader").isTrue();
        assertThat(model.instantiate(new Object[] {1L, 2L, 3L, 4L, 5.0, 6.0, 7.0, 8.0}))
                .isEqualTo(new Wide(1L, 2L, 3L, 4L, 5.0, 6.0, 7.0, 8.0));
        assertThat(model.instancesBuiltThroughHandles()).isZero();
    }

    /** More fields than one byte can index in a class file's constant pool. */
    @Entity
    static class ManyFields {
        @Id Long id;
        int f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20,
                f21, f22, f23, f24, f25, f26, f27, f28, f29, f30, f31, f32, f33, f34, f35, f36, f37, f38,
                f39, f40, f41, f42, f43, f44, f45, f46, f47, f48, f49, f50, f51, f52, f53, f54, f55, f56,
                f57, f58, f59, f60, f61, f62, f63, f64, f65, f66, f67, f68, f69, f70, f71, f72, f73, f74,
                f75, f76, f77, f78, f79, f80, f81, f82, f83, f84, f85, f86, f87, f88, f89, f90, f91, f92,
                f93, f94, f95, f96, f97, f98, f99, f100, f101, f102, f103, f104, f105, f106, f107, f108,
                f109, f110, f111, f112, f113, f114, f115, f116, f117, f118, f119;
    }

    @Test
    void anEntityWithHundredsOfConstantsGetsAWriterAndAReader() {
        EntityModel<ManyFields> model = models.model(ManyFields.class);
        Object[] values = new Object[model.properties().size()];
        values[0] = 1L;
        for (int i = 1; i < values.length; i++) {
            values[i] = i * 3;
        }

        model.inflate();
        model.readers().inflate();

        assertThat(model.inflated()).as("writer").isTrue();
        assertThat(model.readers().generated()).as("reader").isTrue();
        assertThat(model.values(model.instantiate(values))).containsExactly(values);
        assertThat(model.instancesBuiltThroughHandles()).isZero();
    }
}
