package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.dialect.H2Dialect;
import io.quarry.internal.DriverManagerDataSource;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fail fast: every repository method is checked when the proxy is built, and a bad one fails
 * naming interface, method, what is wrong and the fix. No database: the engine never connects.
 */
class RepositoryFactoryTest {

    @Entity
    @Table(name = "rf_host")
    record Host(@Id @GeneratedValue Long id, String hostname, int port, String note, boolean active, LocalDate since) {
    }

    record HostSummary(String hostname, int port) {
    }

    private final Engine engine = Engine.builder(new DriverManagerDataSource("jdbc:h2:mem:never", "sa", ""))
            .dialect(new H2Dialect()).build();
    private final RepositoryFactory factory = new RepositoryFactory(engine,
            RepositoryContext.of(engine.sessionFactory()));

    private void rejects(Class<?> repository, String message) {
        assertThatThrownBy(() -> factory.create(repository))
                .isInstanceOf(QueryCreationException.class)
                .hasMessage(message);
    }

    private void rejectsWith(Class<?> repository, String method, String reason) {
        assertThatThrownBy(() -> factory.create(repository))
                .isInstanceOf(QueryCreationException.class)
                .hasMessageStartingWith("Cannot create query for method [" + repository.getSimpleName() + "." + method + "]; ")
                .hasMessageContaining(reason);
    }

    interface Good extends PagingAndSortingRepository<Host, Long> {
        List<Host> findByHostnameStartingWithIgnoreCaseAndPortBetweenOrActiveTrueOrderByPortDesc(String prefix, int low,
                int high);
    }

    @Test
    void buildsAValidRepositoryWithoutTouchingTheDatabase() {
        Good good = factory.create(Good.class);

        assertThat(good).hasToString("Good (Quarry repository)");
        assertThat(good).isEqualTo(good).isNotEqualTo(factory.create(Good.class));
        assertThat(good.hashCode()).isEqualTo(System.identityHashCode(good));
    }

    interface MisspelledProperty extends Repository<Host, Long> {
        List<Host> findByHostnmae(String hostname);
    }

    @Test
    void rejectsAnUnknownPropertyNamingTheClosestOne() {
        rejects(MisspelledProperty.class, "Cannot create query for method [MisspelledProperty.findByHostnmae]; "
                + "No property 'hostnmae' in entity Host; did you mean 'hostname'?");
    }

    interface NotAKeyword extends Repository<Host, Long> {
        List<Host> findByHostnameFuzzy(String hostname);
    }

    @Test
    void saysAWordAfterAPropertyIsNotAKeywordAndNamesTheNearestKeywords() {
        rejects(NotAKeyword.class, "Cannot create query for method [NotAKeyword.findByHostnameFuzzy]; 'Fuzzy' after the "
                + "property 'hostname' (in 'HostnameFuzzy') is not a keyword; the nearest keywords are Null, False, "
                + "After (Spring Data's query keywords)");
    }

    interface UnknownProperty extends Repository<Host, Long> {
        List<Host> findByColour(String colour);
    }

    @Test
    void rejectsAnUnknownPropertyListingTheKnownOnes() {
        rejects(UnknownProperty.class, "Cannot create query for method [UnknownProperty.findByColour]; "
                + "No property 'colour' in entity Host; known properties: id, hostname, port, note, active, since");
    }

    interface ArgumentTakenByAnEarlierCondition extends Repository<Host, Long> {
        List<Host> findByHostnameAndPort(String hostname);
    }

    interface MissingArgument extends Repository<Host, Long> {
        List<Host> findByPortBetween(int low);
    }

    @Test
    void rejectsTooFewArguments() {
        rejects(MissingArgument.class, "Cannot create query for method [MissingArgument.findByPortBetween]; Between on "
                + "'port' (in 'PortBetween') needs 2 arguments but the method has 1 value parameter; add the "
                + "missing parameter");
        rejects(ArgumentTakenByAnEarlierCondition.class, "Cannot create query for method "
                + "[ArgumentTakenByAnEarlierCondition.findByHostnameAndPort]; Is on 'port' (in 'Port') needs 1 argument "
                + "but the conditions before it take 1 of the method's 1 value parameter; add the missing parameter");
    }

    interface ExtraArgument extends Repository<Host, Long> {
        List<Host> findByPort(int port, String hostname);
    }

    @Test
    void rejectsTooManyArguments() {
        rejects(ExtraArgument.class, "Cannot create query for method [ExtraArgument.findByPort]; the method has 2 value "
                + "parameters but its name uses only 1; remove the extra parameter or add the condition that uses it");
    }

    interface WrongArgumentType extends Repository<Host, Long> {
        List<Host> findByPort(String port);
    }

    @Test
    void rejectsAnArgumentOfTheWrongType() {
        rejects(WrongArgumentType.class, "Cannot create query for method [WrongArgumentType.findByPort]; argument 1 "
                + "(port) for Is in 'Port' is String but needs to be int; declare it as int");
    }

    interface LikeOnNumber extends Repository<Host, Long> {
        List<Host> findByPortStartingWith(String prefix);
    }

    @Test
    void rejectsLikeKeywordsOnNonStringProperties() {
        rejects(LikeOnNumber.class, "Cannot create query for method [LikeOnNumber.findByPortStartingWith]; StartingWith "
                + "needs a String property; 'port' of Host is int");
    }

    interface InWithoutCollection extends Repository<Host, Long> {
        List<Host> findByPortIn(int port);
    }

    @Test
    void rejectsInWithASingleValue() {
        rejects(InWithoutCollection.class, "Cannot create query for method [InWithoutCollection.findByPortIn]; argument 1 "
                + "(port) for In in 'PortIn' is int; In takes a Collection, an array or varargs of Integer");
    }

    interface InOfWrongElements extends Repository<Host, Long> {
        List<Host> findByPortIn(List<String> ports);
    }

    @Test
    void rejectsInWithElementsOfTheWrongType() {
        rejectsWith(InOfWrongElements.class, "findByPortIn", "holds String values but 'port' is int");
    }

    interface TrueOnNumber extends Repository<Host, Long> {
        List<Host> findByPortTrue();
    }

    @Test
    void rejectsTrueOnNonBooleanProperties() {
        rejects(TrueOnNumber.class, "Cannot create query for method [TrueOnNumber.findByPortTrue]; True needs a boolean "
                + "property; 'port' of Host is int");
    }

    interface IgnoreCaseOnNumber extends Repository<Host, Long> {
        List<Host> findByPortIgnoreCase(int port);
    }

    @Test
    void rejectsIgnoreCaseOnNonStringProperties() {
        rejects(IgnoreCaseOnNumber.class, "Cannot create query for method [IgnoreCaseOnNumber.findByPortIgnoreCase]; "
                + "IgnoreCase needs a String property; 'port' of Host is int");
    }

    interface IgnoreCaseOnComparison extends Repository<Host, Long> {
        List<Host> findByHostnameGreaterThanIgnoreCase(String hostname);
    }

    @Test
    void rejectsIgnoreCaseOnKeywordsThatDoNotSupportIt() {
        rejectsWith(IgnoreCaseOnComparison.class, "findByHostnameGreaterThanIgnoreCase", "IgnoreCase does not apply to "
                + "GreaterThan (in 'HostnameGreaterThanIgnoreCase'); use it with Is, Not, Like, StartingWith, EndingWith, "
                + "Containing or In");
    }

    interface SetResult extends Repository<Host, Long> {
        Set<Host> findByPort(int port);
    }

    interface MapResult extends Repository<Host, Long> {
        Map<Long, Host> findByPort(int port);
    }

    interface NestedResult extends Repository<Host, Long> {
        List<List<Host>> findByPort(int port);
    }

    interface ArrayResult extends Repository<Host, Long> {
        Optional<Host>[] findByPort(int port);
    }

    @Test
    void rejectsUnsupportedReturnTypes() {
        rejects(SetResult.class, "Cannot create query for method [SetResult.findByPort]; its return type Set<Host> is not "
                + "supported; return T, Optional<T>, List<T>, Collection<T>, Iterable<T>, Stream<T>, Page<T>, Slice<T>, "
                + "Window<T>, a number, boolean or void");
        rejectsWith(MapResult.class, "findByPort", "its return type Map<Long, Host> is not supported");
        rejectsWith(NestedResult.class, "findByPort", "its return type List<List<Host>> nests containers");
        rejectsWith(ArrayResult.class, "findByPort", "its return type Optional<Host>[] is not supported");
    }

    interface UnknownSubject extends Repository<Host, Long> {
        List<Host> fetchByPort(int port);
    }

    @Test
    void rejectsAnUnknownSubject() {
        rejectsWith(UnknownSubject.class, "fetchByPort", "'fetchByPort' does not start with a query subject");
    }

    interface TwoOrderBy extends Repository<Host, Long> {
        List<Host> findByPortOrderByHostnameOrderByNote(int port);
    }

    @Test
    void rejectsOrderByTwice() {
        rejectsWith(TwoOrderBy.class, "findByPortOrderByHostnameOrderByNote", "it has OrderBy 2 times");
    }

    interface StaticSortOnUnknownProperty extends Repository<Host, Long> {
        List<Host> findByPortOrderByHostnmaeDesc(int port);
    }

    @Test
    void rejectsAStaticSortPropertyNotInTheModel() {
        rejects(StaticSortOnUnknownProperty.class, "Cannot create query for method "
                + "[StaticSortOnUnknownProperty.findByPortOrderByHostnmaeDesc]; No property 'hostnmae' in entity Host; "
                + "did you mean 'hostname'?");
    }

    interface TopAndLimit extends Repository<Host, Long> {
        List<Host> findTop3ByPort(int port, Limit limit);
    }

    @Test
    void rejectsTopTogetherWithALimitParameter() {
        rejectsWith(TopAndLimit.class, "findTop3ByPort", "Top/First3 and a Limit parameter both limit the rows; keep one "
                + "of them");
    }

    interface PageableAndSort extends Repository<Host, Long> {
        List<Host> findByPort(int port, Pageable pageable, Sort sort);
    }

    @Test
    void rejectsPageableTogetherWithSort() {
        rejects(PageableAndSort.class, "Cannot create query for method [PageableAndSort.findByPort]; it takes both a "
                + "Pageable and a Sort; a Pageable carries its own sort: drop the Sort parameter and pass "
                + "PageRequest.of(page, size, sort)");
    }

    interface PageableAndLimit extends Repository<Host, Long> {
        List<Host> findByPort(int port, Pageable pageable, Limit limit);
    }

    interface TwoSorts extends Repository<Host, Long> {
        List<Host> findByPort(int port, Sort first, Sort second);
    }

    @Test
    void rejectsClashingOrRepeatedSpecialParameters() {
        rejectsWith(PageableAndLimit.class, "findByPort", "it takes both a Pageable and a Limit");
        rejectsWith(TwoSorts.class, "findByPort", "it takes two Sort parameters; declare at most one");
    }

    interface PageWithoutPageable extends Repository<Host, Long> {
        Page<Host> findByPort(int port);
    }

    @Test
    void rejectsAPageWithoutPageable() {
        rejectsWith(PageWithoutPageable.class, "findByPort", "it returns Page<Host> but takes no Pageable; add a Pageable "
                + "parameter");
    }

    interface TopManyButSingle extends Repository<Host, Long> {
        Optional<Host> findTop3ByPort(int port);
    }

    interface PagedSingle extends Repository<Host, Long> {
        Host findByPort(int port, Pageable pageable);
    }

    @Test
    void rejectsSingleResultsThatAskForMoreRows() {
        rejectsWith(TopManyButSingle.class, "findTop3ByPort", "it returns one row (Optional<Host>) but Top/First3 asks "
                + "for 3; return a List or use findFirstBy");
        rejectsWith(PagedSingle.class, "findByPort", "a Pageable or Limit parameter makes no sense");
    }

    interface CountOfHosts extends Repository<Host, Long> {
        Host countByPort(int port);
    }

    interface ExistsAsNumber extends Repository<Host, Long> {
        int existsByPort(int port);
    }

    interface DeleteReturningRows extends Repository<Host, Long> {
        List<Integer> deleteByPort(int port);
    }

    interface FindNothing extends Repository<Host, Long> {
        void findByPort(int port);
    }

    @Test
    void rejectsResultTypesThatDoNotFitTheVerb() {
        rejectsWith(CountOfHosts.class, "countByPort", "a count query returns long or int, not Host");
        rejectsWith(ExistsAsNumber.class, "existsByPort", "an exists query returns boolean, not int");
        rejectsWith(DeleteReturningRows.class, "deleteByPort", "a delete query runs one statement and returns the number "
                + "of rows it changed; declare int, long or void, not List<Integer> (a delete may also return what it removed: "
                + "List<Host>, Host or Optional<Host>)");
        rejectsWith(FindNothing.class, "findByPort", "a find query must return its results");
    }

    interface ScalarWithoutProperty extends Repository<Host, Long> {
        List<String> findByPort(int port);
    }

    interface ScalarOfWrongType extends Repository<Host, Long> {
        List<Integer> findHostnameByPort(int port);
    }

    @Test
    void rejectsPropertyProjectionsThatNameNoPropertyOrTheWrongType() {
        rejectsWith(ScalarWithoutProperty.class, "findByPort", "it returns String values but names no property to "
                + "select; put the property between the verb and By, e.g. findHostnameBy...");
        rejectsWith(ScalarOfWrongType.class, "findHostnameByPort", "it returns Integer but property 'hostname' of Host "
                + "is String; declare the result as String");
    }

    record Misnamed(String hostnmae) {
    }

    record Mistyped(int hostname) {
    }

    interface NotAGetter {
        String hostname();

        String describe(int width);
    }

    interface MisnamedDto extends Repository<Host, Long> {
        List<Misnamed> findByPort(int port);
    }

    interface MistypedDto extends Repository<Host, Long> {
        List<Mistyped> findByPort(int port);
    }

    interface BadInterfaceProjection extends Repository<Host, Long> {
        List<NotAGetter> findByPort(int port);
    }

    @Test
    void rejectsProjectionsThatDoNotMatchTheEntity() {
        rejectsWith(MisnamedDto.class, "findByPort", "'hostnmae' of Misnamed names no property of Host; did you mean "
                + "'hostname'?");
        rejectsWith(MistypedDto.class, "findByPort", "'hostname' of Mistyped is int but property 'hostname' is String; "
                + "declare it as String");
        rejectsWith(BadInterfaceProjection.class, "findByPort", "projection interface NotAGetter declares describe(int), "
                + "which is not a getter; give it a default body or remove it");
    }

    abstract static class AbstractSummary {
        AbstractSummary(String hostname) {
        }
    }

    static final class NothingToBuildFrom {
        NothingToBuildFrom() {
        }
    }

    static final class NoConstructorFits {
        NoConstructorFits(String hostnmae, int port) {
        }

        NoConstructorFits(String colour) {
        }
    }

    record Opaque(Object hostname) {
    }

    interface AbstractResult extends Repository<Host, Long> {
        List<AbstractSummary> findByPort(int port);
    }

    interface NoConstructorWithParameters extends Repository<Host, Long> {
        List<NothingToBuildFrom> findByPort(int port);
    }

    interface NoFittingConstructor extends Repository<Host, Long> {
        List<NoConstructorFits> findByPort(int port);
    }

    interface ConstructorWithoutParameterNames extends Repository<Host, Long> {
        List<java.util.AbstractMap.SimpleImmutableEntry<String, Integer>> findByPort(int port);
    }

    interface HandWrittenWithoutCodec extends Repository<Host, Long> {
        @Query("select hostname from rf_host")
        List<Opaque> search();
    }

    @Test
    void rejectsResultClassesItCannotBuild() {
        rejectsWith(AbstractResult.class, "findByPort", "its result type AbstractSummary is neither Host, a value with a "
                + "codec, an interface nor a record or class to build");
        rejectsWith(NoConstructorWithParameters.class, "findByPort", "its result type NothingToBuildFrom has no "
                + "constructor with parameters, nor a no-argument constructor with setters or fields, to build it from the "
                + "selected columns; use a record whose components are named like Host's properties");
        rejectsWith(NoFittingConstructor.class, "findByPort", "'hostnmae' of NoConstructorFits names no property of "
                + "Host; did you mean 'hostname'?");
        rejectsWith(ConstructorWithoutParameterNames.class, "findByPort", "the constructor parameters of "
                + "SimpleImmutableEntry have no names (arg0); compile with -parameters (maven-compiler-plugin "
                + "<parameters>true</parameters>) or make SimpleImmutableEntry a record");
        rejectsWith(HandWrittenWithoutCodec.class, "search", "'hostname' of Opaque has type java.lang.Object, which no "
                + "codec reads; register a codec for it or change the type");
    }

    interface SortedCount extends Repository<Host, Long> {
        long countByPort(int port, Sort sort);
    }

    @Test
    void rejectsSpecialParametersOnQueriesThatDoNotFind() {
        rejectsWith(SortedCount.class, "countByPort", "Sort, Pageable, Limit and Class parameters apply to find queries "
                + "only; remove them");
    }

    interface ClassWithoutTypeVariable extends Repository<Host, Long> {
        List<Host> findByPort(int port, Class<?> type);
    }

    interface TypeVariableWithoutClass extends Repository<Host, Long> {
        <P> List<P> findByPort(int port);
    }

    @Test
    void rejectsHalfADynamicProjection() {
        rejectsWith(ClassWithoutTypeVariable.class, "findByPort", "it takes a Class parameter but its result is not a "
                + "type variable");
        rejectsWith(TypeVariableWithoutClass.class, "findByPort", "its result type is a type variable but no Class "
                + "parameter says which type to read");
    }

    interface WholeAverage extends Repository<Host, Long> {
        Integer avgPortBy();
    }

    interface SumOfText extends Repository<Host, Long> {
        Long sumHostnameBy();
    }

    interface MaxOfWrongType extends Repository<Host, Long> {
        String maxPortBy();
    }

    @Test
    void rejectsAggregatesOfTheWrongType() {
        rejectsWith(WholeAverage.class, "avgPortBy", "a avg query returns a number with a fraction (Double or BigDecimal), "
                + "not Integer");
        rejectsWith(SumOfText.class, "sumHostnameBy", "sum needs a numeric property; 'hostname' of Host is String");
        rejectsWith(MaxOfWrongType.class, "maxPortBy", "it returns String but the max of 'port' is int");
    }

    interface UpdatesId extends Repository<Host, Long> {
        int updateIdByHostname(long id, String hostname);
    }

    interface UpdateWithoutValue extends Repository<Host, Long> {
        int updatePortByHostname(String hostname);
    }

    @Test
    void rejectsUpdatesOfTheIdOrWithoutAValue() {
        rejectsWith(UpdatesId.class, "updateIdByHostname", "it updates the id 'id'; ids of stored rows cannot change");
        rejectsWith(UpdateWithoutValue.class, "updatePortByHostname", "the new value of 'port' is argument 1 (hostname), "
                + "a String, but 'port' is int; the new values come first, then the conditions' arguments");
    }

    interface SortBetweenRange extends Repository<Host, Long> {
        List<Host> findByPortBetween(int low, Sort sort, int high);
    }

    @Test
    void rejectsBetweenArgumentsThatAreNotAdjacent() {
        rejectsWith(SortBetweenRange.class, "findByPortBetween", "Between on 'port' takes two adjacent arguments");
    }

    interface UnknownNamedParameter extends Repository<Host, Long> {
        @Query("select * from rf_host where hostname like :patern")
        List<Host> search(String pattern);
    }

    interface PositionOutOfRange extends Repository<Host, Long> {
        @Query("select * from rf_host where hostname = ?2")
        List<Host> search(String hostname);
    }

    @Test
    void rejectsNamedParametersThatMatchNoMethodParameter() {
        rejects(UnknownNamedParameter.class, "Cannot create query for method [UnknownNamedParameter.search]; its @Query "
                + "uses :patern but no method parameter is named 'patern'; did you mean 'pattern'?");
        rejects(PositionOutOfRange.class, "Cannot create query for method [PositionOutOfRange.search]; its @Query uses ?2 "
                + "but the method has 1 value parameter (numbered from ?1)");
    }

    interface HandWrittenWithCollection extends Repository<Host, Long> {
        @Query("select * from rf_host where port in (:ports)")
        List<Host> search(List<Integer> ports);
    }

    interface HandWrittenWithSort extends Repository<Host, Long> {
        @Query("select * from rf_host")
        List<Host> search(Sort sort);
    }

    interface ModifyingReturningRows extends Repository<Host, Long> {
        @Modifying
        @Query("delete from rf_host")
        List<Host> purge();
    }

    interface ModifyingWithoutQuery extends Repository<Host, Long> {
        @Modifying
        int deleteByPort(int port);
    }

    interface VoidWithoutModifying extends Repository<Host, Long> {
        @Query("delete from rf_host")
        void purge();
    }

    @Test
    void rejectsHandWrittenSqlItCannotRun() {
        rejectsWith(HandWrittenWithCollection.class, "search", "parameter 1 is a collection; @Query SQL binds single "
                + "values only. Use a derived query (findByPortIn) for IN lists");
        rejectsWith(HandWrittenWithSort.class, "search", "@Query methods cannot take a Sort");
        rejectsWith(ModifyingReturningRows.class, "purge", "a @Modifying query returns the number of rows it changed; "
                + "declare int, long or void, not List<Host>");
        rejectsWith(ModifyingWithoutQuery.class, "deleteByPort", "@Modifying goes with @Query");
        rejectsWith(VoidWithoutModifying.class, "purge", "it returns void but is not @Modifying");
    }

    interface ParameterNeverUsed extends Repository<Host, Long> {
        @Query("select * from rf_host where hostname = :hostname")
        List<Host> search(@Param("hostname") String hostname, @Param("port") int port);
    }

    interface NumberedParameterNeverUsed extends Repository<Host, Long> {
        @Query("select * from rf_host where port = ?2")
        List<Host> search(String hostname, int port);
    }

    interface ParameterUsedByNumber extends Repository<Host, Long> {
        @Query("select * from rf_host where hostname = ?1 and port = :port")
        List<Host> search(@Param("hostname") String hostname, @Param("port") int port);
    }

    @Test
    void refusesAtStartUpAQueryParameterTheSqlNeverUses() {
        rejects(ParameterNeverUsed.class, "Cannot create query for method [ParameterNeverUsed.search]; parameter 2 'port' "
                + "is not used in its @Query SQL, so its argument would be ignored; use :port (or ?2) in the SQL or "
                + "remove the parameter");
        rejectsWith(NumberedParameterNeverUsed.class, "search", "parameter 1");
        rejectsWith(NumberedParameterNeverUsed.class, "search", "is not used in its @Query SQL");
        assertThat(factory.create(ParameterUsedByNumber.class)).as("?1 uses the first parameter").isNotNull();
    }

    interface ModifyingSelect extends Repository<Host, Long> {
        @Modifying
        @Query("/* nightly /* nested */ report */ -- counts\n (select count(*) from rf_host)")
        int countHosts();
    }

    interface ModifyingUpdateAfterAComment extends Repository<Host, Long> {
        @Modifying
        @Query("-- moves every host\nupdate rf_host set port = 22")
        int resetPorts();
    }

    @Test
    void refusesAtStartUpAModifyingQueryWhoseSqlOnlyReads() {
        rejects(ModifyingSelect.class, "Cannot create query for method [ModifyingSelect.countHosts]; it is @Modifying "
                + "but its SQL is a SELECT, which changes no rows; remove @Modifying and declare what the query returns");
        assertThat(factory.create(ModifyingUpdateAfterAComment.class)).as("an UPDATE after a comment").isNotNull();
    }

    interface ModifyingValuesAfterBlanksAndAComment extends Repository<Host, Long> {
        @Modifying
        @Query("  /* lookup */ VALUES (1)")
        int one();
    }

    interface ModifyingExplain extends Repository<Host, Long> {
        @Modifying
        @Query("explain delete from rf_host")
        int plan();
    }

    interface ModifyingStartingWithAString extends Repository<Host, Long> {
        @Modifying
        @Query("'select' ")
        int odd();
    }

    interface ModifyingWithBoxedCounts extends Repository<Host, Long> {
        @Modifying
        @Query("delete from rf_host where port = :port")
        Long purge(int port);

        @Modifying
        @Query("update rf_host set port = :port")
        Integer movePorts(int port);
    }

    interface ModifyingReturningBoolean extends Repository<Host, Long> {
        @Modifying
        @Query("delete from rf_host")
        boolean purge();
    }

    interface ModifyingWithLimit extends Repository<Host, Long> {
        @Modifying
        @Query("delete from rf_host")
        int purge(Limit limit);
    }

    interface ModifyingWithClass extends Repository<Host, Long> {
        @Modifying
        @Query("delete from rf_host")
        int purge(Class<?> type);
    }

    @Test
    void refusesAModifyingQueryThatOnlyReadsWhateverComesBeforeItsFirstWord() {
        rejectsWith(ModifyingValuesAfterBlanksAndAComment.class, "one", "it is @Modifying but its SQL is a VALUES, which "
                + "changes no rows");
        rejectsWith(ModifyingExplain.class, "plan", "it is @Modifying but its SQL is a EXPLAIN");
        assertThat(factory.create(ModifyingStartingWithAString.class)).as("no first word to judge").isNotNull();
    }

    @Test
    void aModifyingQueryReturnsItsRowCountAsIntLongOrVoidOnly() {
        assertThat(factory.create(ModifyingWithBoxedCounts.class)).as("Long and Integer").isNotNull();
        rejectsWith(ModifyingReturningBoolean.class, "purge", "a @Modifying query returns the number of rows it changed; "
                + "declare int, long or void, not boolean");
        rejectsWith(ModifyingWithLimit.class, "purge", "a @Modifying query takes no Pageable, Limit or Class parameter");
        rejectsWith(ModifyingWithClass.class, "purge", "a @Modifying query takes no Pageable, Limit or Class parameter");
    }

    interface PositionBeyondTwoParameters extends Repository<Host, Long> {
        @Query("select * from rf_host where hostname = ?1 and port = ?2 and note = ?3")
        List<Host> search(String hostname, int port);
    }

    interface NamedParameterWithoutParameters extends Repository<Host, Long> {
        @Query("select * from rf_host where hostname = :hostname")
        List<Host> search();
    }

    interface HandWrittenWithArray extends Repository<Host, Long> {
        @Query("select * from rf_host where port = :port and hostname = :hostname")
        List<Host> search(String hostname, int[] port);
    }

    interface HandWrittenWithBytesAndAnyObject extends Repository<Host, Long> {
        @Query("select * from rf_host where note = :note and port = :port")
        List<Host> search(byte[] note, Object port);
    }

    @Test
    void namesTheParametersAHandWrittenQueryCannotBind() {
        rejectsWith(PositionBeyondTwoParameters.class, "search", "its @Query uses ?3 but the method has 2 value "
                + "parameters (numbered from ?1)");
        rejectsWith(NamedParameterWithoutParameters.class, "search", "its @Query uses :hostname but the method has no "
                + "value parameter; add a parameter named 'hostname'");
        rejectsWith(HandWrittenWithArray.class, "search", "parameter 2 is a collection; @Query SQL binds single values "
                + "only");
        assertThat(factory.create(HandWrittenWithBytesAndAnyObject.class)).as("byte[] is one value").isNotNull();
    }

    interface BareQuestionMark extends Repository<Host, Long> {
        @Query("select * from rf_host where port = ?")
        List<Host> search(int port);
    }

    interface HandWrittenPageWithoutPageable extends Repository<Host, Long> {
        @Query("select * from rf_host")
        Page<Host> search();
    }

    interface ModifyingWithPageable extends Repository<Host, Long> {
        @Modifying
        @Query("delete from rf_host")
        int purge(Pageable pageable);
    }

    interface HandWrittenHalfDynamic extends Repository<Host, Long> {
        @Query("select * from rf_host")
        List<Host> search(Class<?> type);
    }

    @Test
    void rejectsMoreHandWrittenSqlItCannotRun() {
        rejectsWith(BareQuestionMark.class, "search", "its @Query SQL cannot be read: SQL [select * from rf_host where "
                + "port = ?] uses a bare '?' at offset 35; name the parameter (:name) or number it (?1)");
        rejectsWith(HandWrittenPageWithoutPageable.class, "search", "it returns Page<Host> but takes no Pageable");
        rejectsWith(ModifyingWithPageable.class, "purge", "a @Modifying query takes no Pageable, Limit or Class parameter");
        rejectsWith(HandWrittenHalfDynamic.class, "search", "a Class parameter and a type-variable result go together");
    }

    interface TwoPageables extends Repository<Host, Long> {
        List<Host> findByPort(int port, Pageable first, PageRequest second);
    }

    interface UpdatesUnknownProperty extends Repository<Host, Long> {
        int updateColourByHostname(String colour, String hostname);
    }

    interface CountsDistinctUnknownProperty extends Repository<Host, Long> {
        long countDistinctPortsBy();
    }

    interface TooManyInLists extends Repository<Host, Long> {
        List<Host> findByPortInAndPortInAndPortInAndPortInAndPortInAndPortInAndPortInAndPortInAndPortInAndPortInAndPortIn(
                int[] a, int[] b, int[] c, int[] d, int[] e, int[] f, int[] g, int[] h, int[] i, int[] j, int[] k);
    }

    @Test
    void rejectsMoreDerivedQueriesItCannotRun() {
        rejectsWith(TwoPageables.class, "findByPort", "it takes two PageRequest parameters; declare at most one");
        rejectsWith(UpdatesUnknownProperty.class, "updateColourByHostname", "No property 'colour' in entity Host");
        rejectsWith(CountsDistinctUnknownProperty.class, "countDistinctPortsBy", "No property 'ports' in entity Host; "
                + "did you mean 'port'?");
        rejectsWith(TooManyInLists.class, "findByPortInAndPortInAndPortInAndPortInAndPortInAndPortInAndPortInAndPortIn"
                + "AndPortInAndPortInAndPortIn", "it has too many In and nullable Is/Not conditions to pre-render; split "
                + "it, or write it with @Query");
    }

    interface SeveralMistakes extends Repository<Host, Long> {
        List<Host> findByHostnmae(String hostname);

        List<Host> findByPortt(int port);
    }

    @Test
    void listsEveryBadMethodAtOnce() {
        rejects(SeveralMistakes.class, "Cannot create query for method [SeveralMistakes.findByHostnmae]; No property "
                + "'hostnmae' in entity Host; did you mean 'hostname'?\nCannot create query for method "
                + "[SeveralMistakes.findByPortt]; No property 'portt' in entity Host; did you mean 'port'?");
    }

    @SuppressWarnings("rawtypes")
    interface RawRepository extends Repository {
    }

    interface WrongIdType extends CrudRepository<Host, Integer> {
    }

    interface NotAnEntity extends CrudRepository<String, Long> {
    }

    @Test
    void rejectsRepositoriesThatDoNotNameAnEntityAndItsIdType() {
        rejects(RawRepository.class, "Cannot create repository " + RawRepository.class.getName() + ": it must extend "
                + "Repository<T, ID> (or CrudRepository<T, ID>) naming the entity and id types, e.g. interface "
                + "RawRepository extends CrudRepository<Host, Long>");
        rejects(WrongIdType.class, "Cannot create repository " + WrongIdType.class.getName() + ": it declares id type "
                + "Integer but the id 'id' of Host is Long; declare Long");
        assertThatThrownBy(() -> factory.create(NotAnEntity.class))
                .isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("Class java.lang.String is not an entity");
        assertThatThrownBy(() -> factory.create(Host.class))
                .isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("it is a class; declare an interface");
    }

    @Test
    void rejectsAFragmentThatImplementsNothing() {
        assertThatThrownBy(() -> factory.create(Good.class, new Object() {
            @SuppressWarnings("unused")
            public String unrelated() {
                return "";
            }
        })).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("implements no method of Good; give its methods the names and parameter types of "
                        + "the repository's methods, or do not pass it");
    }

    interface ParsedOnlyWithoutFragment extends Repository<Host, Long> {
        List<Host> lookUpSomehow(String text);
    }

    @Test
    void neverParsesAMethodAFragmentImplements() {
        Object fragment = new Object() {
            @SuppressWarnings("unused")
            public List<Host> lookUpSomehow(String text) {
                return List.of();
            }
        };

        rejectsWith(ParsedOnlyWithoutFragment.class, "lookUpSomehow", "does not start with a query subject");
        assertThat(factory.create(ParsedOnlyWithoutFragment.class, fragment).lookUpSomehow("x")).isEmpty();
    }

    interface AllReturnTypes extends Repository<Host, Long> {
        Host findByHostname(String hostname);

        Optional<Host> findOneByHostname(String hostname);

        java.util.Collection<Host> findByNote(String note);

        Iterable<Host> findByActiveTrue();

        Stream<Host> streamByPort(int port);

        Page<Host> findByPortGreaterThan(int port, Pageable pageable);

        Slice<Host> findByPortLessThan(int port, Pageable pageable);

        long countByActiveFalse();

        int countByNoteIsNull();

        boolean existsByHostname(String hostname);

        void deleteByNote(String note);

        long removeByPort(int port);

        Integer updatePortByHostname(int port, String hostname);

        Optional<Integer> maxPortBy();

        double avgPortByActiveTrue();

        List<HostSummary> findSummariesByActiveTrue();

        <P> List<P> findByPortBetween(int low, int high, Class<P> type);

        List<Host> findByPortIn(int... ports);

        List<Host> findByHostnameIn(String[] hostnames);
    }

    @Test
    void acceptsEverySupportedReturnTypeAndParameterKind() {
        assertThat(factory.create(AllReturnTypes.class)).isNotNull();
    }
}
