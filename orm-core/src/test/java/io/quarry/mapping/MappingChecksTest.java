package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import io.quarry.types.CodecRegistry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mapping checks at their boundaries: what is refused (with the message) and what is the last
 * accepted value, and when an id counts as unset.
 */
class MappingChecksTest {

    private final ModelRegistry models = new ModelRegistry(CodecRegistry.withDefaults());

    @Entity
    static class IdAndVersion {
        @Id @Version Long id;
    }

    @Test
    void rejectsAnIdThatIsAlsoTheVersion() {
        assertMappingError(IdAndVersion.class, "field 'IdAndVersion.id' cannot be both @Id and @Version");
    }

    @Entity
    @Index(columns = {})
    static class EmptyIndex {
        @Id Long id;
    }

    @Test
    void rejectsAnIndexWithoutColumns() {
        assertMappingError(EmptyIndex.class, "@Index on entity EmptyIndex names no columns");
    }

    @Entity
    static class ZeroLength {
        @Id Long id;
        @Column(length = 0) String name;
    }

    @Entity
    static class NegativeLength {
        @Id Long id;
        @Column(length = -5) String name;
    }

    @Entity
    static class OneCharacter {
        @Id Long id;
        @Column(length = 1) String code;
    }

    @Test
    void rejectsALengthBelowOneAndAcceptsOne() {
        assertMappingError(ZeroLength.class, "field 'ZeroLength.name' has @Column(length = 0); the length must be positive");
        assertMappingError(NegativeLength.class,
                "field 'NegativeLength.name' has @Column(length = -5); the length must be positive");
        assertThat(models.model(OneCharacter.class).property("code").spec().length()).isEqualTo(1);
    }

    @Entity
    static class Decimals {
        @Id Long id;
        @Column(precision = 6, scale = 6) BigDecimal fraction;
        @Column(precision = 10) BigDecimal defaultScale;
        @Column(scale = 0) BigDecimal whole;
        @Column(scale = 4) BigInteger hugeWithScale;
        BigInteger huge;
        @Column(precision = 12, scale = 3) BigDecimal both;
    }

    @Test
    void acceptsAScaleEqualToThePrecisionAndFillsInEachDefaultOnItsOwn() {
        EntityModel<Decimals> model = models.model(Decimals.class);

        assertThat(spec(model, "fraction")).extracting(ColumnSpec::precision, ColumnSpec::scale).containsExactly(6, 6);
        assertThat(spec(model, "defaultScale")).extracting(ColumnSpec::precision, ColumnSpec::scale).containsExactly(10, 2);
        assertThat(spec(model, "whole")).extracting(ColumnSpec::precision, ColumnSpec::scale).containsExactly(38, 0);
        assertThat(spec(model, "hugeWithScale")).extracting(ColumnSpec::precision, ColumnSpec::scale).containsExactly(38, 4);
        assertThat(spec(model, "huge")).extracting(ColumnSpec::precision, ColumnSpec::scale).containsExactly(38, 0);
        assertThat(spec(model, "both")).extracting(ColumnSpec::precision, ColumnSpec::scale).containsExactly(12, 3);
    }

    @Entity
    static class DefaultPrecisionBelowScale {
        @Id Long id;
        @Column(scale = 39) BigDecimal tooFine;
    }

    @Test
    void checksTheScaleAgainstTheDefaultPrecisionToo() {
        assertMappingError(DefaultPrecisionBelowScale.class,
                "field 'DefaultPrecisionBelowScale.tooFine' has scale 39 greater than precision 38");
    }

    private static ColumnSpec spec(EntityModel<?> model, String property) {
        return model.property(property).spec();
    }

    @Entity
    static class PrimitiveId {
        @Id @GeneratedValue long id;
    }

    @Entity
    static class BoxedId {
        @Id Long id;
    }

    @Entity
    static class PrimitiveIntId {
        @Id int id;
    }

    @Test
    void aPrimitiveIdOfZeroIsUnsetAndAnyOtherValueIsSet() {
        EntityModel<PrimitiveId> model = models.model(PrimitiveId.class);
        PrimitiveId entity = new PrimitiveId();

        assertThat(model.hasUnsetId(entity)).isTrue();
        entity.id = 1;
        assertThat(model.hasUnsetId(entity)).isFalse();
        entity.id = -1;
        assertThat(model.hasUnsetId(entity)).isFalse();
        PrimitiveIntId intId = new PrimitiveIntId();
        assertThat(models.model(PrimitiveIntId.class).hasUnsetId(intId)).isTrue();
        intId.id = 7;
        assertThat(models.model(PrimitiveIntId.class).hasUnsetId(intId)).isFalse();
    }

    @Test
    void aBoxedIdIsUnsetOnlyWhenNullNotWhenZero() {
        EntityModel<BoxedId> model = models.model(BoxedId.class);
        BoxedId entity = new BoxedId();

        assertThat(model.hasUnsetId(entity)).isTrue();
        entity.id = 0L;
        assertThat(model.hasUnsetId(entity)).isFalse();
        assertThat(model.idOf(entity)).isEqualTo(0L);
    }

    @Entity
    interface AnInterface {
    }

    @Entity
    enum AnEnum { ONE }

    @Test
    void rejectsInterfacesAndEnumsAsEntities() {
        assertMappingError(AnInterface.class, "Entity " + AnInterface.class.getName() + " must be a concrete class or a record");
        assertMappingError(AnEnum.class, "Entity " + AnEnum.class.getName() + " must be a concrete class or a record");
    }

    private void assertMappingError(Class<?> type, String message) {
        assertThatThrownBy(() -> models.model(type))
                .isInstanceOf(MappingException.class)
                .hasMessage(message);
    }

    @Test
    void aRowReaderNeedsOneColumnPerProperty() {
        EntityModel<BoxedId> model = models.model(BoxedId.class);

        assertThatThrownBy(() -> model.rowReader(new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 columns for the 1 properties of " + BoxedId.class.getName());
        assertThat(model.rowReader(model.positionalColumns())).isNotNull();
    }

    @Test
    void theRegistryBuildsRegisteredModelsOnceAndListsThem() {
        List<EntityModel<?>> registered = models.register(List.of(BoxedId.class, PrimitiveId.class));

        assertThat(registered).extracting(model -> (Object) model.type()).containsExactly(BoxedId.class, PrimitiveId.class);
        assertThat(models.models()).containsExactlyInAnyOrderElementsOf(registered);
        assertThat(models.model(BoxedId.class)).isSameAs(registered.get(0));
        assertThat(registered.get(0)).hasToString("EntityModel[BoxedId -> boxed_id]");
    }

    @Entity
    record Point(@Id long id, double x) {
    }

    @Test
    void aRecordPropertyCannotBeSetInPlace() {
        EntityModel<Point> model = models.model(Point.class);

        assertThatThrownBy(() -> model.property("x").set(new Point(1L, 2.0), 3.0))
                .isInstanceOf(MappingException.class)
                .hasMessage("Cannot set field 'Point.x': records are immutable; build a new instance");
        assertThat(model.with(new Point(1L, 2.0), model.property("x"), 3.0)).isEqualTo(new Point(1L, 3.0));
    }

    @Test
    void classFilesNameArraysByDescriptorAndClassesBySlashedName() {
        assertThat(ClassFile.internalName(byte[].class)).isEqualTo("[B");
        assertThat(ClassFile.internalName(String[][].class)).isEqualTo("[[Ljava/lang/String;");
        assertThat(ClassFile.internalName(String.class)).isEqualTo("java/lang/String");
    }

    @Entity
    static class GeneratedBigId {
        @Id @GeneratedValue BigInteger id;
    }

    @Entity
    static class AssignedBigId {
        @Id BigInteger id;
    }

    @Test
    void aGeneratedBigIntegerIdIsABigintAndAnAssignedOneADecimal() {
        assertThat(models.model(GeneratedBigId.class).id().spec().sqlType()).isEqualTo(io.quarry.types.SqlType.BIGINT);
        assertThat(models.model(AssignedBigId.class).id().spec().sqlType()).isEqualTo(io.quarry.types.SqlType.DECIMAL);
    }

    @Entity
    static class Versioned {
        @Id Long id;
        @Version Long version;
    }

    @Test
    void aVersionIsUnsetWhenNullAndAnEntityWithoutOneHasNoUnsetVersion() {
        EntityModel<Versioned> versioned = models.model(Versioned.class);
        Versioned entity = new Versioned();

        assertThat(versioned.hasUnsetVersion(entity)).isTrue();
        entity.version = 3L;
        assertThat(versioned.hasUnsetVersion(entity)).isFalse();
        assertThat(models.model(BoxedId.class).hasUnsetVersion(new BoxedId())).isFalse();
        entity.version = 0L;
        assertThat(versioned.hasUnsetVersion(entity)).as("a boxed 0 is a value").isFalse();
    }

    @Entity
    static class PrimitiveVersioned {
        @Id Long id;
        @Version int version;
    }

    @Test
    void aPrimitiveVersionIsUnsetAtZeroOnly() {
        EntityModel<PrimitiveVersioned> model = models.model(PrimitiveVersioned.class);
        PrimitiveVersioned entity = new PrimitiveVersioned();

        assertThat(model.hasUnsetVersion(entity)).isTrue();
        entity.version = 1;
        assertThat(model.hasUnsetVersion(entity)).isFalse();
    }

    @Entity
    static class Holder {
        @Id Long id;
        Versioned versioned;
    }

    @Entity
    record RecordHolder(@Id Long id, Versioned versioned) {
    }

    @Entity
    record RecordWithManyToMany(@Id Long id, @ManyToMany List<Versioned> versioned) {
    }

    @Test
    void anUnannotatedEntityFieldIsToldHowToMapItAsAClassOrAsARecordComponent() {
        assertMappingError(Holder.class, "field 'Holder.versioned' holds the entity Versioned; annotate it with @ManyToOne"
                + " (or @OneToOne) to map a foreign key, or mark it @Transient");
        assertMappingError(RecordHolder.class, "field 'RecordHolder.versioned' holds the entity Versioned; annotate it"
                + " with @ManyToOne (or @OneToOne) to map a foreign key");
        assertThatThrownBy(() -> models.model(RecordWithManyToMany.class)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith("Record component 'RecordWithManyToMany.versioned' is a @ManyToMany collection,");
    }
}
