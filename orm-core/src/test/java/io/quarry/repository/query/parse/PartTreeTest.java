package io.quarry.repository.query.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.parse.Part.IgnoreCase;
import io.quarry.repository.query.parse.Part.Type;
import io.quarry.repository.query.parse.PartTree.Verb;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The method-name grammar, without a model or a database. */
class PartTreeTest {

    private static Part onlyPart(String methodName) {
        List<Part> parts = PartTree.parse(methodName).parts();
        assertThat(parts).hasSize(1);
        return parts.get(0);
    }

    @Test
    void parsesSimplePropertyCorrectly() {
        PartTree tree = PartTree.parse("findByHostname");

        assertThat(tree.verb()).isEqualTo(Verb.FIND);
        assertThat(tree.parts()).containsExactly(new Part("hostname", Type.SIMPLE_PROPERTY, IgnoreCase.NEVER, "Hostname"));
        assertThat(tree.subject()).isEmpty();
        assertThat(tree.isDistinct()).isFalse();
        assertThat(tree.maxResults()).isNull();
        assertThat(tree.orderBy()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1} on {2}")
    @CsvSource({
            "findByHostnameIs, SIMPLE_PROPERTY, hostname",
            "findByHostnameEquals, SIMPLE_PROPERTY, hostname",
            "findByHostnameNot, NEGATING_SIMPLE_PROPERTY, hostname",
            "findByHostnameIsNot, NEGATING_SIMPLE_PROPERTY, hostname",
            "findByPortBetween, BETWEEN, port",
            "findByPortIsBetween, BETWEEN, port",
            "findByPortNotBetween, NOT_BETWEEN, port",
            "findByPortIsNotBetween, NOT_BETWEEN, port",
            "findByPortLessThan, LESS_THAN, port",
            "findByPortIsLessThan, LESS_THAN, port",
            "findByPortLessThanEqual, LESS_THAN_EQUAL, port",
            "findByPortIsLessThanEqual, LESS_THAN_EQUAL, port",
            "findByPortGreaterThan, GREATER_THAN, port",
            "findByPortIsGreaterThan, GREATER_THAN, port",
            "findByPortGreaterThanEqual, GREATER_THAN_EQUAL, port",
            "findByPortIsGreaterThanEqual, GREATER_THAN_EQUAL, port",
            "findBySinceBefore, BEFORE, since",
            "findBySinceIsBefore, BEFORE, since",
            "findBySinceAfter, AFTER, since",
            "findBySinceIsAfter, AFTER, since",
            "findByNoteIsNull, IS_NULL, note",
            "findByNoteNull, IS_NULL, note",
            "findByNoteIsNotNull, IS_NOT_NULL, note",
            "findByNoteNotNull, IS_NOT_NULL, note",
            "findByHostnameLike, LIKE, hostname",
            "findByHostnameIsLike, LIKE, hostname",
            "findByHostnameNotLike, NOT_LIKE, hostname",
            "findByHostnameIsNotLike, NOT_LIKE, hostname",
            "findByHostnameStartingWith, STARTING_WITH, hostname",
            "findByHostnameIsStartingWith, STARTING_WITH, hostname",
            "findByHostnameStartsWith, STARTING_WITH, hostname",
            "findByHostnameEndingWith, ENDING_WITH, hostname",
            "findByHostnameIsEndingWith, ENDING_WITH, hostname",
            "findByHostnameEndsWith, ENDING_WITH, hostname",
            "findByHostnameContaining, CONTAINING, hostname",
            "findByHostnameIsContaining, CONTAINING, hostname",
            "findByHostnameContains, CONTAINING, hostname",
            "findByHostnameNotContaining, NOT_CONTAINING, hostname",
            "findByHostnameIsNotContaining, NOT_CONTAINING, hostname",
            "findByHostnameNotContains, NOT_CONTAINING, hostname",
            "findByPortIn, IN, port",
            "findByPortIsIn, IN, port",
            "findByPortNotIn, NOT_IN, port",
            "findByPortIsNotIn, NOT_IN, port",
            "findByActiveTrue, TRUE, active",
            "findByActiveIsTrue, TRUE, active",
            "findByActiveFalse, FALSE, active",
            "findByActiveIsFalse, FALSE, active",
    })
    void parsesEveryKeywordToItsTypeAndProperty(String methodName, Type type, String property) {
        Part part = onlyPart(methodName);

        assertThat(part.type()).isEqualTo(type);
        assertThat(part.property()).isEqualTo(property);
    }

    @Test
    void keywordsDeclareHowManyArgumentsTheyConsume() {
        assertThat(Type.BETWEEN.arguments()).isEqualTo(2);
        assertThat(Type.NOT_BETWEEN.arguments()).isEqualTo(2);
        assertThat(Type.IS_NULL.arguments()).isZero();
        assertThat(Type.IS_NOT_NULL.arguments()).isZero();
        assertThat(Type.TRUE.arguments()).isZero();
        assertThat(Type.FALSE.arguments()).isZero();
        assertThat(Type.values()).filteredOn(type -> type.arguments() == 1).hasSize(Type.values().length - 6);
    }

    @Test
    void matchOrderListsEveryKeywordWithLongerOnesBeforeTheirSuffixes() {
        assertThat(Type.MATCH_ORDER).containsExactlyInAnyOrder(Type.values());
        assertThat(Type.MATCH_ORDER.indexOf(Type.IS_NOT_NULL)).isLessThan(Type.MATCH_ORDER.indexOf(Type.IS_NULL));
        assertThat(Type.MATCH_ORDER.indexOf(Type.NOT_IN)).isLessThan(Type.MATCH_ORDER.indexOf(Type.IN));
        assertThat(Type.MATCH_ORDER.indexOf(Type.NOT_LIKE)).isLessThan(Type.MATCH_ORDER.indexOf(Type.LIKE));
        assertThat(Type.MATCH_ORDER.indexOf(Type.NOT_BETWEEN)).isLessThan(Type.MATCH_ORDER.indexOf(Type.BETWEEN));
        assertThat(Type.MATCH_ORDER.indexOf(Type.NOT_CONTAINING)).isLessThan(Type.MATCH_ORDER.indexOf(Type.CONTAINING));
        assertThat(Type.MATCH_ORDER.get(Type.MATCH_ORDER.size() - 1)).isEqualTo(Type.SIMPLE_PROPERTY);
    }

    @Test
    void prefersTheReadingWhosePropertyExists() {
        PartTree tree = PartTree.parse("findByLoggedIn", Set.of("loggedIn")::contains);

        assertThat(tree.parts().get(0).type()).isEqualTo(Type.SIMPLE_PROPERTY);
        assertThat(tree.parts().get(0).property()).isEqualTo("loggedIn");
    }

    @Test
    void keepsTheKeywordReadingWhenItsPropertyExists() {
        PartTree tree = PartTree.parse("findByLoggedInIn", Set.of("loggedIn")::contains);

        assertThat(tree.parts().get(0).type()).isEqualTo(Type.IN);
        assertThat(tree.parts().get(0).property()).isEqualTo("loggedIn");
    }

    @Test
    void withoutAKnownPropertyTheFirstKeywordInMatchOrderWins() {
        assertThat(onlyPart("findByLoggedIn").type()).isEqualTo(Type.IN);
        assertThat(onlyPart("findByLoggedIn").property()).isEqualTo("logged");
    }

    @Test
    void parsesIgnoreCaseOnOnePart() {
        PartTree tree = PartTree.parse("findByHostnameIgnoreCaseAndNoteStartingWithIgnoringCase");

        assertThat(tree.parts()).extracting(Part::ignoreCase).containsExactly(IgnoreCase.ALWAYS, IgnoreCase.ALWAYS);
        assertThat(tree.parts()).extracting(Part::type).containsExactly(Type.SIMPLE_PROPERTY, Type.STARTING_WITH);
        assertThat(tree.parts()).extracting(Part::property).containsExactly("hostname", "note");
    }

    @Test
    void parsesAllIgnoreCaseForEveryPart() {
        PartTree tree = PartTree.parse("findByHostnameAndNoteAllIgnoreCase");

        assertThat(tree.isAllIgnoreCase()).isTrue();
        assertThat(tree.parts()).extracting(Part::ignoreCase).containsOnly(IgnoreCase.WHEN_POSSIBLE);
        assertThat(PartTree.parse("findByHostnameAllIgnoringCase").isAllIgnoreCase()).isTrue();
    }

    @Test
    void andBindsTighterThanOr() {
        PartTree tree = PartTree.parse("findByHostnameAndPortOrNoteAndActiveTrueOrPortGreaterThan");

        assertThat(tree.conditions()).hasSize(3);
        assertThat(tree.conditions().get(0)).extracting(Part::property).containsExactly("hostname", "port");
        assertThat(tree.conditions().get(1)).extracting(Part::property).containsExactly("note", "active");
        assertThat(tree.conditions().get(2)).extracting(Part::property).containsExactly("port");
    }

    @Test
    void doesNotSplitInsideWordsThatContainAndOrOr() {
        PartTree tree = PartTree.parse("findByBrandNameAndColorOrVendor");

        assertThat(tree.conditions()).hasSize(2);
        assertThat(tree.conditions().get(0)).extracting(Part::property).containsExactly("brandName", "color");
        assertThat(tree.conditions().get(1)).extracting(Part::property).containsExactly("vendor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"find", "read", "get", "query", "search", "stream"})
    void parsesEveryFindVerb(String verb) {
        PartTree tree = PartTree.parse(verb + "ByPort");

        assertThat(tree.verb()).isEqualTo(Verb.FIND);
        assertThat(tree.parts()).extracting(Part::property).containsExactly("port");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"countByPort, COUNT", "existsByPort, EXISTS", "deleteByPort, DELETE", "removeByPort, DELETE",
            "updateHostnameByPort, UPDATE", "sumPortByActiveTrue, SUM", "avgPortByActiveTrue, AVG",
            "minPortByActiveTrue, MIN", "maxPortByActiveTrue, MAX"})
    void parsesEveryOtherVerb(String methodName, Verb verb) {
        assertThat(PartTree.parse(methodName).verb()).isEqualTo(verb);
    }

    @Test
    void ignoresTextBetweenVerbAndBy() {
        PartTree tree = PartTree.parse("findHostsByPort");

        assertThat(tree.subject()).containsExactly("hosts");
        assertThat(tree.parts()).extracting(Part::property).containsExactly("port");
    }

    @Test
    void parsesTheSubjectPropertyOfProjectionsAndAggregates() {
        assertThat(PartTree.parse("findHostnameByPort").subject()).containsExactly("hostname");
        assertThat(PartTree.parse("maxPortByHostnameStartingWith").subject()).containsExactly("port");
    }

    @Test
    void parsesSeveralPropertiesToUpdate() {
        assertThat(PartTree.parse("updatePortAndNoteByHostname").subject()).containsExactly("port", "note");
    }

    @Test
    void parsesDistinct() {
        PartTree tree = PartTree.parse("findDistinctPortByActiveTrue");

        assertThat(tree.isDistinct()).isTrue();
        assertThat(tree.subject()).containsExactly("port");
        assertThat(PartTree.parse("countDistinctPortBy").isDistinct()).isTrue();
    }

    @Test
    void parsesFirstAndTopWithAndWithoutANumber() {
        assertThat(PartTree.parse("findFirstByPort").maxResults()).isEqualTo(1);
        assertThat(PartTree.parse("findTopByPort").maxResults()).isEqualTo(1);
        assertThat(PartTree.parse("findFirst5ByPort").maxResults()).isEqualTo(5);
        assertThat(PartTree.parse("findTop10ByPort").maxResults()).isEqualTo(10);
        assertThat(PartTree.parse("findDistinctTop3HostnameBy").maxResults()).isEqualTo(3);
        assertThat(PartTree.parse("findDistinctTop3HostnameBy").subject()).containsExactly("hostname");
    }

    @Test
    void parsesAQueryWithoutConditions() {
        PartTree tree = PartTree.parse("findAllBy");

        assertThat(tree.conditions()).isEmpty();
        assertThat(PartTree.parse("countBy").conditions()).isEmpty();
        assertThat(PartTree.parse("findFirstBy").maxResults()).isEqualTo(1);
    }

    @Test
    void parsesOrderByWithSeveralProperties() {
        PartTree tree = PartTree.parse("findByActiveTrueOrderByPortDescHostnameAscNote");

        assertThat(tree.orderBy()).containsExactly(new PartTree.OrderItem("port", false),
                new PartTree.OrderItem("hostname", true), new PartTree.OrderItem("note", true));
        assertThat(tree.parts()).extracting(Part::property).containsExactly("active");
    }

    @Test
    void parsesOrderByWithoutConditions() {
        PartTree tree = PartTree.parse("findAllByOrderByHostnameDesc");

        assertThat(tree.conditions()).isEmpty();
        assertThat(tree.orderBy()).containsExactly(new PartTree.OrderItem("hostname", false));
    }

    @Test
    void doesNotSplitOrderItemsInsidePropertyNames() {
        assertThat(PartTree.parse("findByOrderByDescriptionAsc").orderBy())
                .containsExactly(new PartTree.OrderItem("description", true));
    }

    @Test
    void rejectsMultipleOrderBy() {
        assertThatThrownBy(() -> PartTree.parse("findByPortOrderByHostnameOrderByPortDesc"))
                .isInstanceOf(InvalidQueryMethodException.class)
                .hasMessage("it has OrderBy 2 times; write OrderBy once and list the properties after it: "
                        + "OrderByPortDescHostnameAsc");
    }

    @Test
    void rejectsAnOrderByItemWithoutProperty() {
        assertThatThrownBy(() -> PartTree.parse("findByPortOrderByDesc"))
                .isInstanceOf(InvalidQueryMethodException.class)
                .hasMessage("OrderBy item 'Desc' names no property; write OrderByHostnameAsc or OrderByPortDesc");
    }

    @Test
    void rejectsOrderByOnQueriesThatDoNotReturnRows() {
        assertThatThrownBy(() -> PartTree.parse("countByPortOrderByHostname"))
                .hasMessage("OrderBy has no effect on a count query; remove it");
    }

    @Test
    void rejectsAnUnknownSubject() {
        assertThatThrownBy(() -> PartTree.parse("fetchByPort"))
                .isInstanceOf(InvalidQueryMethodException.class)
                .hasMessage("'fetchByPort' does not start with a query subject (find, read, get, query, search, stream, "
                        + "count, exists, delete, remove, update, sum, avg, min or max) followed by By; rename it, "
                        + "annotate it with @Query, make it a default method or implement it in a fragment");
    }

    @Test
    void rejectsAVerbWithoutBy() {
        assertThatThrownBy(() -> PartTree.parse("findHostnames"))
                .hasMessage("'findHostnames' has no 'By'; derived queries read like findByHostname, countByPort or "
                        + "findAllBy; rename it, annotate it with @Query, make it a default method or implement it in a "
                        + "fragment");
    }

    @Test
    void rejectsTopZero() {
        assertThatThrownBy(() -> PartTree.parse("findTop0ByPort"))
                .hasMessage("Top0 must ask for 1 to 2147483647 rows; write Top for one row or Top10 for ten");
    }

    @Test
    void rejectsATopTooLargeForAnInt() {
        assertThatThrownBy(() -> PartTree.parse("findFirst99999999999ByPort"))
                .hasMessageStartingWith("First99999999999 must ask for 1 to 2147483647 rows");
    }

    @Test
    void rejectsTopOnQueriesThatDoNotFind() {
        assertThatThrownBy(() -> PartTree.parse("countTop3ByPort"))
                .hasMessage("Top limits the rows a find query returns; a count query cannot use it");
        assertThatThrownBy(() -> PartTree.parse("deleteFirstByPort"))
                .hasMessage("First limits the rows a find query returns; a delete query cannot use it");
    }

    @Test
    void rejectsDistinctOnQueriesOtherThanFindAndCount() {
        assertThatThrownBy(() -> PartTree.parse("deleteDistinctByPort"))
                .hasMessage("Distinct is for find and count queries; a delete query cannot use it");
        assertThatThrownBy(() -> PartTree.parse("sumDistinctPortBy"))
                .hasMessage("Distinct is for find and count queries; a sum query cannot use it");
    }

    @Test
    void rejectsAnAggregateWithoutProperty() {
        assertThatThrownBy(() -> PartTree.parse("maxByHostname"))
                .hasMessage("max needs the property to max between 'max' and 'By', e.g. maxPortByHostname");
    }

    @Test
    void rejectsAnUpdateWithoutProperty() {
        assertThatThrownBy(() -> PartTree.parse("updateByHostname"))
                .hasMessage("update needs the property to set between 'update' and 'By', e.g. updatePortByHostname");
    }

    @Test
    void rejectsAnEmptyConditionAroundAndOrOr() {
        assertThatThrownBy(() -> PartTree.parse("findByPortAndAndHostname"))
                .hasMessage("the conditions 'PortAndAndHostname' have an empty part around 'And' or 'Or'; name a "
                        + "property on each side");
        assertThatThrownBy(() -> PartTree.parse("findByPortOrOrHostname"))
                .hasMessageContaining("have an empty part around 'And' or 'Or'");
    }

    @Test
    void rejectsAnEmptyPropertyToUpdate() {
        assertThatThrownBy(() -> PartTree.parse("updatePortAndAndNoteByHostname"))
                .hasMessage("the properties to update, 'PortAndAndNote', have an empty name around 'And'");
    }

    @Test
    void treatsAKeywordAloneAsAProperty() {
        assertThat(onlyPart("findByIn").property()).isEqualTo("in");
        assertThat(onlyPart("findByIn").type()).isEqualTo(Type.SIMPLE_PROPERTY);
    }
}
