package io.quarry.repository.query.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.RelationModel;
import io.quarry.mapping.Table;
import io.quarry.relations.Datacenter;
import io.quarry.relations.Host;
import io.quarry.relations.Tag;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.types.CodecRegistry;
import org.junit.jupiter.api.Test;

/** How names of derived-query methods resolve to property paths, as Spring Data's PropertyPath resolves them. */
class PropertyPathsTest {

    @Entity
    @Table(name = "pp_box")
    static class Box {
        @Id @GeneratedValue Long id;
        String color;
        String colorName;
    }

    /** An entity with a property whose name is also a relation followed by a property of its target. */
    @Entity
    @Table(name = "pp_item")
    static class Item {
        @Id @GeneratedValue Long id;
        @ManyToOne Box box;
        String boxColor;
    }

    private final ModelRegistry models = new ModelRegistry(CodecRegistry.withDefaults());

    private PropertyPaths on(Class<?> type) {
        return new PropertyPaths(models, models.model(type));
    }

    private static String relations(PropertyPath path) {
        return String.join(",", path.relations().stream().map(RelationModel::name).toList());
    }

    @Test
    void resolvesAPropertyOfTheEntityItselfWithoutRelations() {
        PropertyPath path = on(Host.class).resolve("hostname");

        assertThat(path.isDirect()).isTrue();
        assertThat(path.dotted()).isEqualTo("hostname");
    }

    @Test
    void splitsACamelCaseNameAtTheRelationItStartsWith() {
        PropertyPath path = on(Host.class).resolve("datacenterRegion");

        assertThat(relations(path)).isEqualTo("datacenter");
        assertThat(path.property().name()).isEqualTo("region");
        assertThat(path.describe()).isEqualTo("Host.datacenter.region");
        assertThat(path.throughCollection()).isFalse();
    }

    @Test
    void anUnderscoreForcesTheSplit() {
        assertThat(on(Host.class).resolve("datacenter_Region").dotted()).isEqualTo("datacenter.region");
        assertThat(on(Host.class).resolve("datacenter_region").dotted()).isEqualTo("datacenter.region");
    }

    @Test
    void theWholeNameWinsOverASplitAndAnUnderscoreChoosesTheSplit() {
        assertThat(on(Item.class).resolve("boxColor").dotted()).isEqualTo("boxColor");
        assertThat(on(Item.class).resolve("box_Color").dotted()).isEqualTo("box.color");
        assertThat(on(Item.class).resolve("box_ColorName").dotted()).isEqualTo("box.colorName");
    }

    @Test
    void aHeadThatResolvesIsKeptEvenWhenItsRestFailsAsInSpringData() {
        // boxColor is tried before box (the longest head first), and a column cannot be followed by Name
        assertThatThrownBy(() -> on(Item.class).resolve("boxColorName"))
                .isInstanceOf(InvalidQueryMethodException.class)
                .hasMessage("Item.boxColor is a column, not a relation; 'Name' cannot follow it");
    }

    @Test
    void resolvesPathsOfAnyDepth() {
        assertThat(on(Host.class).resolve("replicaOfDatacenterName").dotted()).isEqualTo("replicaOf.datacenter.name");
        assertThat(on(Host.class).resolve("replicaOf_Datacenter_Name").dotted()).isEqualTo("replicaOf.datacenter.name");
        PropertyPath deep = on(Datacenter.class).resolve("hostsTagsName");
        assertThat(relations(deep)).isEqualTo("hosts,tags");
        assertThat(deep.throughCollection()).isTrue();
        assertThat(on(Tag.class).resolve("hostsDatacenterRegion").dotted()).isEqualTo("hosts.datacenter.region");
    }

    @Test
    void resolvesCollectionPathsToTheElementsProperty() {
        PropertyPath path = on(Host.class).resolve("tagsName");

        assertThat(relations(path)).isEqualTo("tags");
        assertThat(path.throughCollection()).isTrue();
    }

    @Test
    void theIdOfAReferenceIsItsForeignKeyWithoutAJoin() {
        PropertyPath path = on(Host.class).resolve("datacenterId");

        assertThat(path.isDirect()).isTrue();
        assertThat(path.property().column()).isEqualTo("datacenter_id");
        assertThat(on(Host.class).resolve("replicaOfDatacenterId").dotted()).isEqualTo("replicaOf.datacenter");
    }

    @Test
    void aReferenceNamedAloneIsItsForeignKeyColumn() {
        assertThat(on(Host.class).resolve("datacenter").property().column()).isEqualTo("datacenter_id");
    }

    @Test
    void namesTheStepThatFailedWithTheNearestNameOfTheEntityReached() {
        assertThatThrownBy(() -> on(Host.class).resolve("datacenterRegon"))
                .hasMessage("No property 'regon' on Datacenter (reached through Host.datacenter); did you mean 'region'?");
        assertThatThrownBy(() -> on(Host.class).resolve("replicaOf_Datacentre_Name"))
                .hasMessage("No property 'datacentre' on Host (reached through Host.replicaOf); "
                        + "did you mean 'datacenter'?");
        assertThatThrownBy(() -> on(Datacenter.class).resolve("hostsTagsNam"))
                .hasMessage("No property 'nam' on Tag (reached through Datacenter.hosts.tags); did you mean 'name'?");
    }

    @Test
    void aMisspeltFirstStepIsNamedWithTheNearestPropertyOrCollection() {
        assertThatThrownBy(() -> on(Host.class).resolve("datacentreRegion"))
                .hasMessage("No property 'datacentre' in entity Host; did you mean 'datacenter'?");
        assertThatThrownBy(() -> on(Host.class).resolve("tagzName"))
                .hasMessage("No property 'tagz' in entity Host; did you mean 'tags'?");
        assertThatThrownBy(() -> on(Host.class).resolve("hostnmae"))
                .hasMessage("No property 'hostnmae' in entity Host; did you mean 'hostname'?");
    }

    @Test
    void aCollectionHasNoColumnOfItsOwn() {
        assertThatThrownBy(() -> on(Host.class).resolve("tags"))
                .hasMessage("Host.tags is a collection, which has no column; name one of its properties after it, "
                        + "e.g. tagsName");
    }

    @Test
    void anEmptyStepIsRefused() {
        assertThatThrownBy(() -> on(Host.class).resolve("datacenter__region"))
                .hasMessageContaining("'datacenter__region' has an empty step");
    }

    @Test
    void textAfterAColumnOfAConditionIsAWordThatIsNotAKeyword() {
        assertThatThrownBy(() -> on(Host.class).resolveCondition("datacenterRegionFuzzy", "DatacenterRegionFuzzy"))
                .hasMessageStartingWith("'Fuzzy' after the property 'datacenter.region' (in 'DatacenterRegionFuzzy') "
                        + "is not a keyword; the nearest keywords are ");
    }

    @Test
    void findAnswersNullInsteadOfFailing() {
        assertThat(on(Host.class).find("datacenterRegon")).isNull();
        assertThat(on(Host.class).find("datacenterRegion")).isNotNull();
    }
}
