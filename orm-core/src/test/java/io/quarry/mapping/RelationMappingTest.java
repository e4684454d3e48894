package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import io.quarry.types.CodecRegistry;
import io.quarry.types.SqlType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How relation annotations become models, and every mapping mistake refused when the model is built. */
class RelationMappingTest {

    private final ModelRegistry models = new ModelRegistry(CodecRegistry.withDefaults());

    @Entity
    static class Region {
        @Id @GeneratedValue Long id;
        String name;
        @OneToMany(mappedBy = "region") List<Site> sites;
    }

    @Entity
    static class Site {
        @Id @GeneratedValue Long id;
        @ManyToOne(optional = false, onDelete = OnDelete.CASCADE) Region region;
        @ManyToOne Site parentSite;
        @OneToOne(column = "primary_label") Label label;
        @ManyToMany Set<Label> labels;
    }

    @Entity
    static class Label {
        @Id String code;
        @ManyToMany(mappedBy = "labels") List<Site> sites;
    }

    @Test
    void aReferenceIsAForeignKeyColumnNamedAfterTheFieldWithTheTargetIdsType() {
        EntityModel<Site> site = models.model(Site.class);

        PropertyModel region = site.property("region");
        assertThat(region.column()).isEqualTo("region_id");
        assertThat(region.spec().sqlType()).isEqualTo(SqlType.BIGINT);
        assertThat(region.spec().nullable()).as("optional = false").isFalse();
        assertThat(region.reference().kind()).isEqualTo(RelationModel.Kind.MANY_TO_ONE);
        assertThat(region.reference().onDelete()).isEqualTo(OnDelete.CASCADE);
        assertThat(site.property("parentSite").column()).isEqualTo("parent_site_id");
        assertThat(site.property("parentSite").spec().nullable()).isTrue();
        PropertyModel label = site.property("label");
        assertThat(label.column()).isEqualTo("primary_label");
        assertThat(label.spec().sqlType()).as("a key to a String id").isEqualTo(SqlType.VARCHAR);
        assertThat(label.spec().unique()).as("one-to-one").isTrue();
        assertThat(site.hasReferences()).isTrue();
    }

    @Test
    void theForeignKeyValueIsTheReferencedObjectsIdAndNullWithoutOne() {
        EntityModel<Site> model = models.model(Site.class);
        Region region = new Region();
        region.id = 7L;
        Site site = new Site();

        assertThat(model.property("region").get(site)).isNull();
        site.region = region;
        assertThat(model.property("region").get(site)).isEqualTo(7L);
        assertThat(model.relation("region").get(site)).isSameAs(region);
    }

    @Test
    void collectionsAreRelationsWithoutColumns() {
        EntityModel<Region> region = models.model(Region.class);

        assertThat(region.properties()).extracting(PropertyModel::name).containsExactly("id", "name");
        RelationModel sites = region.relation("sites");
        assertThat(sites.kind()).isEqualTo(RelationModel.Kind.ONE_TO_MANY);
        assertThat(sites.target()).isEqualTo(Site.class);
        assertThat(sites.mappedBy()).isEqualTo("region");
        assertThat(sites.isOwning()).isFalse();
        assertThat(sites.fetch()).as("collections load on first access by default").isEqualTo(Fetch.LAZY);
        assertThat(sites.cascades(Cascade.SAVE)).isTrue();
        assertThat(sites.cascades(Cascade.DELETE)).isFalse();
        assertThat(sites.isSet()).isFalse();
    }

    @Test
    void anOwningManyToManyGetsAJoinTableWithDefaultNames() {
        RelationModel labels = models.model(Site.class).relation("labels");

        assertThat(labels.isOwning()).isTrue();
        assertThat(labels.isSet()).isTrue();
        RelationModel.JoinTable join = labels.joinTable();
        assertThat(join.table()).isEqualTo("site_labels");
        assertThat(join.ownerColumn()).isEqualTo("site_id");
        assertThat(join.targetColumn()).isEqualTo("label_id");
        assertThat(join.ownerSpec().sqlType()).isEqualTo(SqlType.BIGINT);
        assertThat(join.targetSpec().sqlType()).isEqualTo(SqlType.VARCHAR);
        assertThat(join.ownerSpec().nullable()).isFalse();
        assertThat(models.model(Label.class).relation("sites").joinTable()).as("the inverse side has none").isNull();
    }

    @Test
    void anUnknownRelationNameSuggestsTheNearestOne() {
        assertThatThrownBy(() -> models.model(Site.class).relation("labls"))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("No relation 'labls' in entity Site")
                .hasMessageContaining("labels");
    }

    // ---- mistakes

    @Entity
    static class MappedByMissing {
        @Id Long id;
        @OneToMany(mappedBy = "owner") List<Child> children;
    }

    @Entity
    static class Child {
        @Id Long id;
        @ManyToOne MappedByMissing parent;
        @ManyToOne WrongType other;
        String name;
    }

    @Test
    void rejectsMappedByNamingAMissingFieldAndSuggestsTheReference() {
        assertMappingError(MappedByMissing.class, "field 'MappedByMissing.children' has mappedBy = \"owner\", but Child "
                + "has no field 'owner'", "parent");
    }

    @Entity
    static class WrongType {
        @Id Long id;
        @OneToMany(mappedBy = "name") List<Child> byName;
    }

    @Test
    void rejectsMappedByNamingAFieldThatIsNotAReference() {
        assertMappingError(WrongType.class, "Child.name is not a @ManyToOne; mappedBy names the reference back to "
                + "WrongType", "other");
    }

    @Entity
    static class PointsElsewhere {
        @Id Long id;
        @OneToMany(mappedBy = "parent") List<Child> children;
    }

    @Test
    void rejectsMappedByNamingAReferenceToAnotherClass() {
        assertMappingError(PointsElsewhere.class, "Child.parent refers to MappedByMissing, not PointsElsewhere");
    }

    static class NotAnEntity {
        Long id;
    }

    @Entity
    static class RefersToPlainClass {
        @Id Long id;
        @ManyToOne NotAnEntity thing;
    }

    @Test
    void rejectsARelationToAClassThatIsNotAnEntity() {
        assertMappingError(RefersToPlainClass.class, "field 'RefersToPlainClass.thing' relates to "
                + NotAnEntity.class.getName() + ", which is not an entity; annotate NotAnEntity with @Entity");
    }

    @Entity
    static class TwoOnOneColumn {
        @Id Long id;
        @ManyToOne Region region;
        @Column(name = "region_id") Long regionId;
    }

    @Test
    void rejectsAColumnMappedByAReferenceAndAnotherField() {
        assertMappingError(TwoOnOneColumn.class, "maps column 'region_id' twice");
    }

    @Entity
    static class CollectionAsReference {
        @Id Long id;
        @ManyToOne List<Region> regions;
    }

    @Test
    void rejectsAReferenceAnnotationOnACollection() {
        assertMappingError(CollectionAsReference.class, "is a List but is annotated @ManyToOne, which holds one object");
    }

    @Entity
    static class ReferenceAsCollection {
        @Id Long id;
        @OneToMany(mappedBy = "region") Site site;
    }

    @Test
    void rejectsACollectionAnnotationOnANonCollectionType() {
        assertMappingError(ReferenceAsCollection.class, "is @OneToMany but has type " + Site.class.getName()
                + "; declare it as java.util.List<...> or java.util.Set<...> (for one object use @ManyToOne)");
    }

    @Entity
    static class RawCollection {
        @Id Long id;
        @SuppressWarnings("rawtypes")
        @ManyToMany List labels;
    }

    @Test
    void rejectsACollectionWithoutElementType() {
        assertMappingError(RawCollection.class, "is a collection without a plain element type");
    }

    @Entity
    static class LazyReference {
        @Id Long id;
        @ManyToOne(fetch = Fetch.LAZY) Region region;
    }

    @Test
    void rejectsALazyReferenceBecauseItWouldBeASilentNull() {
        assertMappingError(LazyReference.class, "fetch = LAZY, but a reference field cannot notice its first access");
    }

    @Entity
    static class SetNullOnRequired {
        @Id Long id;
        @ManyToOne(optional = false, onDelete = OnDelete.SET_NULL) Region region;
    }

    @Test
    void rejectsOnDeleteSetNullOnARequiredReference() {
        assertMappingError(SetNullOnRequired.class, "onDelete = SET_NULL but optional = false");
    }

    @Entity
    static class SelfManyToMany {
        @Id Long id;
        @ManyToMany Set<SelfManyToMany> peers;
    }

    @Test
    void rejectsASelfManyToManyWhoseJoinColumnsWouldShareAName() {
        assertMappingError(SelfManyToMany.class, "both columns of join table self_many_to_many_peers would be named "
                + "self_many_to_many_id");
    }

    @Entity
    static class UnannotatedReference {
        @Id Long id;
        Region region;
    }

    @Entity
    static class UnannotatedCollection {
        @Id Long id;
        List<Region> regions;
    }

    @Test
    void anEntityOrCollectionFieldWithoutAnnotationSaysWhichAnnotationMapsIt() {
        assertMappingError(UnannotatedReference.class, "holds the entity Region; annotate it with @ManyToOne");
        assertMappingError(UnannotatedCollection.class, "is a List, which is not a column; annotate it with "
                + "@OneToMany(mappedBy = ...) or @ManyToMany");
    }

    @Entity
    static class BothSidesMappedBy {
        @Id Long id;
        @ManyToMany(mappedBy = "peers") Set<OtherSide> others;
    }

    @Entity
    static class OtherSide {
        @Id Long id;
        @ManyToMany(mappedBy = "others") Set<BothSidesMappedBy> peers;
    }

    @Test
    void rejectsAManyToManyWithMappedByOnBothSides() {
        assertMappingError(BothSidesMappedBy.class, "OtherSide.peers has a mappedBy too; exactly one side (the owner) "
                + "has no mappedBy");
    }

    @Entity
    static class OrphansOnReference {
        @Id Long id;
        @ManyToOne(cascade = Cascade.DELETE_ORPHAN) Region region;
    }

    @Test
    void rejectsDeleteOrphanOnAReference() {
        assertMappingError(OrphansOnReference.class, "cascade DELETE_ORPHAN, which applies to collections");
    }

    // ---- records

    @Entity
    record Machine(@Id @GeneratedValue Long id, String hostname, @ManyToOne(optional = false) Region region,
            @OneToOne(column = "badge") Label label) {
    }

    @Test
    void aRecordMayHoldReferencesAsForeignKeyColumnsInComponentOrder() {
        EntityModel<Machine> machine = models.model(Machine.class);

        assertThat(machine.properties()).extracting(PropertyModel::column)
                .containsExactly("id", "hostname", "region_id", "badge");
        assertThat(machine.property("region").spec().nullable()).isFalse();
        assertThat(machine.property("label").reference().kind()).isEqualTo(RelationModel.Kind.ONE_TO_ONE);
        assertThat(machine.relations()).extracting(RelationModel::name).containsExactly("region", "label");
        Region region = new Region();
        region.id = 7L;
        Machine built = machine.instantiate(new Object[] {1L, "web-1", region, null});
        assertThat(built.region()).as("the constructor takes the referenced object").isSameAs(region);
        assertThat(machine.values(built)).as("the column value is its id").containsExactly(1L, "web-1", 7L, null);
        assertThat(machine.with(built, machine.id(), 2L).region()).as("a copy keeps the reference").isSameAs(region);
    }

    @Test
    void aRecordsReferenceCannotBeSetInPlace() {
        EntityModel<Machine> machine = models.model(Machine.class);
        Machine built = machine.instantiate(new Object[] {1L, "web-1", null, null});

        assertThatThrownBy(() -> machine.relation("region").set(built, new Region()))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Cannot set relation 'Machine.region': records are immutable");
    }

    @Entity
    record RecordWithCollection(@Id Long id, @OneToMany(mappedBy = "region") List<Site> sites) {
    }

    @Test
    void rejectsACollectionInARecord() {
        assertMappingError(RecordWithCollection.class, "Record component 'RecordWithCollection.sites' is a @OneToMany "
                + "collection, but a record cannot hold a collection", "map RecordWithCollection as a plain class");
    }

    @Entity
    record UnannotatedRecordReference(@Id Long id, Region region) {
    }

    @Test
    void rejectsAnEntityComponentWithoutARelationAnnotation() {
        assertMappingError(UnannotatedRecordReference.class, "field 'UnannotatedRecordReference.region' holds the entity "
                + "Region; annotate it with @ManyToOne (or @OneToOne) to map a foreign key");
    }

    @Entity
    static class ReferencesARecord {
        @Id Long id;
        @ManyToOne Machine machine;
    }

    @Test
    void rejectsARelationToARecord() {
        assertMappingError(ReferencesARecord.class, "field 'ReferencesARecord.machine' relates to record Machine, but a "
                + "related entity must be a plain class", "map Machine as a plain class (a record may hold references, "
                + "but not be their target)");
    }

    private void assertMappingError(Class<?> type, String... fragments) {
        assertThatThrownBy(() -> models.model(type))
                .isInstanceOf(MappingException.class)
                .satisfies(e -> {
                    for (String fragment : fragments) {
                        assertThat(e.getMessage()).contains(fragment);
                    }
                });
    }
}
