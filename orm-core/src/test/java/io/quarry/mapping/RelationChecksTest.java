package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import io.quarry.types.CodecRegistry;
import io.quarry.types.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relation mistakes a model refuses, each with its whole message, and the foreign-key and join-table columns a
 * relation gets from the id it refers to.
 */
class RelationChecksTest {

    private final ModelRegistry models = new ModelRegistry(CodecRegistry.withDefaults());

    @Entity
    static class Target {
        @Id Long id;
    }

    private void assertMappingError(Class<?> type, String message) {
        assertThatThrownBy(() -> models.model(type)).isInstanceOf(MappingException.class).hasMessage(message);
    }

    // ---- references

    @Entity
    static class TwoAnnotations {
        @Id Long id;
        @ManyToOne @OneToOne Target target;
    }

    @Test
    void rejectsAFieldWithTwoRelationAnnotations() {
        assertMappingError(TwoAnnotations.class, "field 'TwoAnnotations.target' has more than one of @ManyToOne,"
                + " @OneToOne, @OneToMany and @ManyToMany; keep the one that describes the relation");
    }

    @Entity
    static class ArrayReference {
        @Id Long id;
        @OneToOne Target[] targets;
    }

    @Entity
    static class MapReference {
        @Id Long id;
        @ManyToOne Map<String, Target> targets;
    }

    @Test
    void rejectsAReferenceAnnotationOnAnArrayOrAMap() {
        assertMappingError(ArrayReference.class, "field 'ArrayReference.targets' is a Target[] but is annotated @OneToOne,"
                + " which holds one object; use @OneToMany(mappedBy = ...) or @ManyToMany for a collection");
        assertMappingError(MapReference.class, "field 'MapReference.targets' is a Map but is annotated @ManyToOne,"
                + " which holds one object; use @OneToMany(mappedBy = ...) or @ManyToMany for a collection");
    }

    @Entity
    static class BadOneToOneColumn {
        @Id Long id;
        @OneToOne(column = "the target") Target target;
    }

    @Entity
    static class BadManyToOneColumn {
        @Id Long id;
        @ManyToOne(column = "target-id") Target target;
    }

    @Test
    void aReferencesColumnNameIsCheckedNamingItsAnnotation() {
        assertMappingError(BadOneToOneColumn.class, "@OneToOne(column) on field 'BadOneToOneColumn.target': \"the target\""
                + " is not a valid name: it contains whitespace at position 3; use letters, digits, _ and $ only");
        assertMappingError(BadManyToOneColumn.class, "@ManyToOne(column) on field 'BadManyToOneColumn.target':"
                + " \"target-id\" is not a valid name: it contains '-' at position 6; use letters, digits, _ and $ only");
    }

    @Test
    void aOneToOneIsAReferenceAndACollectionIsNot() {
        assertThat(RelationModel.Kind.MANY_TO_ONE.isReference()).isTrue();
        assertThat(RelationModel.Kind.ONE_TO_ONE.isReference()).isTrue();
        assertThat(RelationModel.Kind.ONE_TO_MANY.isReference()).isFalse();
        assertThat(RelationModel.Kind.MANY_TO_MANY.isReference()).isFalse();
    }

    // ---- collections

    @Entity
    static class CollectionTyped {
        @Id Long id;
        @OneToMany(mappedBy = "owner") Collection<Target> targets;
    }

    @Entity
    static class ArrayCollection {
        @Id Long id;
        @ManyToMany Target[] targets;
    }

    @Test
    void aCollectionThatIsNeitherAListNorASetIsRefusedWithoutTheHintForOneObject() {
        assertMappingError(CollectionTyped.class, "field 'CollectionTyped.targets' is @OneToMany but has type"
                + " java.util.Collection; declare it as java.util.List<...> or java.util.Set<...>");
        assertMappingError(ArrayCollection.class, "field 'ArrayCollection.targets' is @ManyToMany but has type "
                + Target[].class.getName() + "; declare it as java.util.List<...> or java.util.Set<...>");
    }

    @Entity
    static class ValueCollection {
        @Id Long id;
        @ManyToMany List<String> names;
    }

    @Test
    void aCollectionOfValuesIsNotARelation() {
        assertMappingError(ValueCollection.class, "field 'ValueCollection.names' relates to java.lang.String, which is not"
                + " an entity; annotate String with @Entity, or map the field as a column");
    }

    @Entity
    static class CascadingDelete {
        @Id Long id;
        @ManyToMany(cascade = Cascade.DELETE) List<Target> targets;
    }

    @Entity
    static class CascadingOrphans {
        @Id Long id;
        @ManyToMany(cascade = {Cascade.SAVE, Cascade.DELETE_ORPHAN}) List<Target> targets;
    }

    @Test
    void aManyToManyCascadesNeitherDeletesNorOrphanRemoval() {
        String why = " is @ManyToMany with cascade DELETE or DELETE_ORPHAN, but the elements may belong to other objects"
                + " too; removing an element deletes only its join-table row";
        assertMappingError(CascadingDelete.class, "field 'CascadingDelete.targets'" + why);
        assertMappingError(CascadingOrphans.class, "field 'CascadingOrphans.targets'" + why);
    }

    // ---- mappedBy

    @Entity
    static class Owner {
        @Id Long id;
        String name;
        @ManyToMany List<Inverse> peers;
        @ManyToMany List<Target> targets;
    }

    @Entity
    static class Inverse {
        @Id Long id;
    }

    @Entity
    static class InverseNamingAJoinColumn {
        @Id Long id;
        @ManyToMany(mappedBy = "peers", joinColumn = "owner_id") List<Owner> owners;
    }

    @Entity
    static class InverseNamingAnInverseJoinColumn {
        @Id Long id;
        @ManyToMany(mappedBy = "peers", inverseJoinColumn = "owner_id") List<Owner> owners;
    }

    @Test
    void theInverseSideOfAManyToManyNamesNoJoinColumn() {
        String why = " has mappedBy and join-table names; the owning side (Owner.peers) names the join table, remove them"
                + " here";
        assertMappingError(InverseNamingAJoinColumn.class, "field 'InverseNamingAJoinColumn.owners'" + why);
        assertMappingError(InverseNamingAnInverseJoinColumn.class, "field 'InverseNamingAnInverseJoinColumn.owners'"
                + why);
    }

    @Entity
    static class MisspelledManyToMany {
        @Id Long id;
        @ManyToMany(mappedBy = "peer") List<Owner> owners;
    }

    @Entity
    static class MappedByAColumn {
        @Id Long id;
        @ManyToMany(mappedBy = "name") List<Owner> owners;
    }

    @Entity
    static class MappedByAnotherElementType {
        @Id Long id;
        @ManyToMany(mappedBy = "targets") List<Owner> owners;
    }

    @Test
    void aManyToManysMappedByNamesAManyToManyOfTheOwnersType() {
        assertMappingError(MisspelledManyToMany.class, "field 'MisspelledManyToMany.owners' has mappedBy = \"peer\", but"
                + " Owner has no field 'peer'; did you mean 'peers'?");
        assertMappingError(MappedByAColumn.class, "field 'MappedByAColumn.owners' has mappedBy = \"name\", but"
                + " Owner.name is not a @ManyToMany; known properties: peers, targets");
        assertMappingError(MappedByAnotherElementType.class, "field 'MappedByAnotherElementType.owners' has mappedBy ="
                + " \"targets\", but Owner.targets holds Target, not MappedByAnotherElementType");
    }

    @Entity
    static class Parent {
        @Id Long id;
        @OneToMany(mappedBy = "parentOn") List<Kid> kids;
    }

    @Entity
    static class Kid {
        @Id Long id;
        @OneToOne Parent parentOne;
        @ManyToOne Target elsewhere;
    }

    @Entity
    static class Mother {
        @Id Long id;
        @OneToMany(mappedBy = "mothr") List<Child> children;
    }

    @Entity
    static class Child {
        @Id Long id;
        @ManyToOne Mother mother;
    }

    @Entity
    static class Orphanage {
        @Id Long id;
        @OneToMany(mappedBy = "home") List<Kid> kids;
    }

    @Test
    void aOneToManysMappedBySuggestsOnlyReferencesBackToTheOwner() {
        assertMappingError(Parent.class, "field 'Parent.kids' has mappedBy = \"parentOn\", but Kid has no field"
                + " 'parentOn'; did you mean 'parentOne'?");
        assertMappingError(Mother.class, "field 'Mother.children' has mappedBy = \"mothr\", but Child has no field"
                + " 'mothr'; did you mean 'mother'?");
        // Kid's references lead to Parent and Target, none back to Orphanage
        assertMappingError(Orphanage.class, "field 'Orphanage.kids' has mappedBy = \"home\", but Kid has no field"
                + " 'home'; add a reference to Orphanage in Kid to map it by");
    }

    // ---- key columns

    @Entity
    static class UuidKeyed {
        @Id UUID id;
    }

    @Entity
    static class CodeKeyed {
        @Id @Column(length = 12) String code;
    }

    @Entity
    static class AmountKeyed {
        @Id @Column(precision = 10, scale = 3) BigDecimal amount;
    }

    @Entity
    static class PlainAmountKeyed {
        @Id @Column(length = 30) BigDecimal amount;
    }

    @Entity
    static class BigKeyed {
        @Id @Column(precision = 20, scale = 4) BigInteger number;
        @ManyToMany List<UuidKeyed> tokens;
    }

    @Entity
    @Table(name = "")
    static class BlankTable {
        @Id Long id;
    }

    @Entity
    @Table(name = "shelf_t")
    static class NamedTable {
        @Id Long id;
    }

    @Entity
    static class Referrer {
        @Id Long id;
        @ManyToOne UuidKeyed token;
        @ManyToOne CodeKeyed code;
        @ManyToOne AmountKeyed amount;
        @ManyToOne PlainAmountKeyed plainAmount;
        @ManyToOne BigKeyed big;
        @ManyToMany List<BlankTable> blanks;
        @ManyToMany List<NamedTable> named;
    }

    @Test
    void aForeignKeyTakesTheLengthPrecisionAndScaleOfTheIdItRefersTo() {
        EntityModel<Referrer> referrer = models.model(Referrer.class);

        assertThat(referrer.property("token").spec()).isEqualTo(new ColumnSpec(SqlType.UUID, 36, 38, 0, true, false));
        assertThat(referrer.property("code").spec()).isEqualTo(new ColumnSpec(SqlType.VARCHAR, 12, 38, 0, true, false));
        assertThat(referrer.property("amount").spec()).isEqualTo(new ColumnSpec(SqlType.DECIMAL, 255, 10, 3, true, false));
        assertThat(referrer.property("plainAmount").spec())
                .isEqualTo(new ColumnSpec(SqlType.DECIMAL, 30, 38, 0, true, false));
        assertThat(referrer.property("big").spec()).as("a BigInteger id's key is a bigint without scale")
                .isEqualTo(new ColumnSpec(SqlType.BIGINT, 255, 20, 0, true, false));
    }

    @Test
    void aJoinTableNamesTheTargetColumnAfterTheTargetsTableAndTypesTheOwnerColumnAsTheOwnersId() {
        EntityModel<Referrer> referrer = models.model(Referrer.class);

        assertThat(referrer.relation("blanks").joinTable().targetColumn()).isEqualTo("blank_table_id");
        assertThat(referrer.relation("named").joinTable().targetColumn()).isEqualTo("shelf_t_id");
        RelationModel.JoinTable tokens = models.model(BigKeyed.class).relation("tokens").joinTable();
        assertThat(tokens.ownerSpec().sqlType()).as("a BigInteger owner id").isEqualTo(SqlType.BIGINT);
        assertThat(tokens.targetSpec()).isEqualTo(new ColumnSpec(SqlType.UUID, 36, 38, 0, false, false));
    }

    @Entity
    static class ObjectKeyed {
        @Id Object key;
    }

    @Entity
    static class RefersToObjectKeyed {
        @Id Long id;
        @ManyToOne ObjectKeyed target;
    }

    @Test
    void aReferenceToAnIdQuarryCannotStoreIsRefused() {
        assertMappingError(RefersToObjectKeyed.class, "The id of ObjectKeyed has type java.lang.Object, which Quarry cannot"
                + " map to a column");
    }

    // ---- the model's relation look-up

    @Test
    void aMissingRelationSaysWhenTheEntityMapsNone() {
        assertThatThrownBy(() -> models.model(Target.class).relation("owner")).isInstanceOf(MappingException.class)
                .hasMessage("No relation 'owner' in entity Target (it maps none)");
        assertThatThrownBy(() -> models.model(Kid.class).relation("parentOn")).isInstanceOf(MappingException.class)
                .hasMessage("No relation 'parentOn' in entity Kid; did you mean 'parentOne'?");
    }
}
