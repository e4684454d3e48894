package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.NonUniqueResultException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every derived-query keyword, verb and return type against a real database. */
@CrossDatabaseTest
class DerivedQueryIT {

    @Entity
    @Table(name = "dq_host")
    record Host(@Id @GeneratedValue Long id, String hostname, int port, String note, boolean active, LocalDate since,
            Integer weight) {
    }

    interface HostRepository extends CrudRepository<Host, Long> {
        Host findByHostname(String hostname);

        Host findByHostnameIs(String hostname);

        Optional<Host> findByHostnameEquals(String hostname);

        List<Host> findByNote(String note);

        List<Host> findByNoteNot(String note);

        List<Host> findByNoteIsNot(String note);

        List<Host> findByPortBetween(int low, int high);

        List<Host> findByPortNotBetween(int low, int high);

        List<Host> findByPortLessThan(int port);

        List<Host> findByPortLessThanEqual(int port);

        List<Host> findByPortGreaterThan(int port);

        List<Host> findByPortGreaterThanEqual(int port);

        List<Host> findBySinceBefore(LocalDate date);

        List<Host> findBySinceAfter(LocalDate date);

        List<Host> findByWeightIsNull();

        List<Host> findByWeightNull();

        List<Host> findByWeightIsNotNull();

        List<Host> findByWeightNotNull();

        List<Host> findByHostnameLike(String pattern);

        List<Host> findByHostnameNotLike(String pattern);

        List<Host> findByHostnameStartingWith(String prefix);

        List<Host> findByHostnameStartsWith(String prefix);

        List<Host> findByHostnameEndingWith(String suffix);

        List<Host> findByHostnameEndsWith(String suffix);

        List<Host> findByHostnameContaining(String text);

        List<Host> findByHostnameContains(String text);

        List<Host> findByHostnameNotContaining(String text);

        List<Host> findByNoteContaining(String text);

        List<Host> findByPortIn(Collection<Integer> ports);

        List<Host> findByPortIn(int... ports);

        List<Host> findByHostnameIn(String[] hostnames);

        List<Host> findByPortNotIn(Iterable<Integer> ports);

        List<Host> findByActiveTrue();

        List<Host> findByActiveFalse();

        List<Host> findByActiveIsTrue();

        List<Host> findByHostnameIgnoreCase(String hostname);

        List<Host> findByHostnameStartingWithIgnoringCase(String prefix);

        List<Host> findByHostnameInIgnoreCase(List<String> hostnames);

        List<Host> findByHostnameAndNoteAllIgnoreCase(String hostname, String note);

        List<Host> findByHostnameOrNote(String hostname, String note);

        List<Host> findByActiveTrueAndPortGreaterThanOrHostnameStartingWith(int port, String prefix);

        List<Host> findByActiveTrueOrderByPortDesc();

        List<Host> findByActiveFalseOrderByWeightAscPortDesc();

        List<Host> findAllByOrderByPortAsc();

        List<Host> findFirstByOrderByPortDesc();

        Host findTopByActiveTrueOrderByPortAsc();

        List<Host> findTop3ByOrderByPortDesc();

        List<Host> findDistinctByActiveTrue();

        List<Host> findHostsByPort(int port);

        List<Host> readByPort(int port);

        List<Host> getByPort(int port);

        List<Host> queryByPort(int port);

        List<Host> searchByPort(int port);

        Stream<Host> streamByActiveTrue();

        Collection<Host> findByWeightGreaterThan(Integer weight);

        Iterable<Host> findByWeightLessThan(Integer weight);

        long countByActiveTrue();

        int countByNoteContaining(String text);

        long countBy();

        boolean existsByHostname(String hostname);

        Boolean existsByPortGreaterThan(int port);

        long deleteByActiveFalse();

        void removeByHostname(String hostname);

        int updatePortByHostname(int port, String hostname);

        long updateNoteAndWeightByActiveTrue(String note, Integer weight);
    }

    private final TestDatabase db;
    private Engine engine;
    private RepositoryFactory factory;
    private HostRepository hosts;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    DerivedQueryIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createHosts() {
        db.dropTablesQuietly("dq_host");
        engine = Engine.create(db.dataSource());
        engine.createAll(Host.class);
        factory = RepositoryFactory.of(engine.sessionFactory());
        hosts = factory.create(HostRepository.class);
        hosts.saveAll(List.of(
                new Host(null, "web-1", 80, "front", true, LocalDate.of(2020, 1, 1), 10),
                new Host(null, "web-2", 443, null, true, LocalDate.of(2021, 6, 1), 20),
                new Host(null, "db-1", 5432, "primary", false, LocalDate.of(2019, 3, 15), null),
                new Host(null, "DB-2", 3306, "replica", false, LocalDate.of(2022, 12, 31), 5),
                new Host(null, "promo-50%_off", 8080, "a!b", true, LocalDate.of(2023, 5, 5), 15),
                new Host(null, "promo-50xxoff", 8081, "a!!b", false, LocalDate.of(2023, 5, 6), null)));
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @AfterEach
    void dropHosts() {
        db.dropTablesQuietly("dq_host");
    }

    private static Set<String> names(Iterable<Host> found) {
        return StreamSupport.stream(found.spliterator(), false).map(Host::hostname).collect(Collectors.toSet());
    }

    private static List<Integer> ports(List<Host> found) {
        return found.stream().map(Host::port).toList();
    }

    @Test
    void isAndEqualsMatchOneValue() {
        assertThat(hosts.findByHostname("web-1").port()).isEqualTo(80);
        assertThat(hosts.findByHostnameIs("web-2").port()).isEqualTo(443);
        assertThat(hosts.findByHostnameEquals("db-1")).map(Host::port).contains(5432);
    }

    @Test
    void aSingleResultIsNullOrEmptyWhenNothingMatches() {
        assertThat(hosts.findByHostname("nope")).isNull();
        assertThat(hosts.findByHostnameEquals("nope")).isEmpty();
    }

    @Test
    void aSingleResultFailsWhenTwoRowsMatch() {
        SingleByActive single = factory.create(SingleByActive.class);
        statements.clear();

        assertThatThrownBy(() -> single.findByActive(true))
                .isInstanceOf(NonUniqueResultException.class)
                .hasMessage("SingleByActive.findByActive found more than one row but returns Host; return a List, use "
                        + "findFirstBy..., or add conditions");
        assertThat(statements).singleElement().asString().endsWith("where active = ? limit ?");
    }

    interface SingleByActive extends Repository<Host, Long> {
        Host findByActive(boolean active);
    }

    @Test
    void isWithANullArgumentMeansIsNull() {
        assertThat(names(hosts.findByNote(null))).containsExactly("web-2");
        assertThat(names(hosts.findByNote("front"))).containsExactly("web-1");
    }

    @Test
    void notWithANullArgumentMeansIsNotNull() {
        assertThat(names(hosts.findByNoteNot(null))).hasSize(5).doesNotContain("web-2");
        assertThat(names(hosts.findByNoteIsNot("front"))).doesNotContain("web-1", "web-2").hasSize(4);
    }

    @Test
    void betweenIsInclusive() {
        assertThat(names(hosts.findByPortBetween(443, 5432))).containsExactlyInAnyOrder("web-2", "db-1", "DB-2");
        assertThat(names(hosts.findByPortNotBetween(443, 5432)))
                .containsExactlyInAnyOrder("web-1", "promo-50%_off", "promo-50xxoff");
    }

    @Test
    void comparesWithLessAndGreaterThan() {
        assertThat(names(hosts.findByPortLessThan(443))).containsExactly("web-1");
        assertThat(names(hosts.findByPortLessThanEqual(443))).containsExactlyInAnyOrder("web-1", "web-2");
        assertThat(names(hosts.findByPortGreaterThan(8080))).containsExactly("promo-50xxoff");
        assertThat(names(hosts.findByPortGreaterThanEqual(8080))).containsExactlyInAnyOrder("promo-50%_off", "promo-50xxoff");
    }

    @Test
    void comparesDatesWithBeforeAndAfter() {
        assertThat(names(hosts.findBySinceBefore(LocalDate.of(2020, 1, 1)))).containsExactly("db-1");
        assertThat(names(hosts.findBySinceAfter(LocalDate.of(2023, 5, 5)))).containsExactly("promo-50xxoff");
    }

    @Test
    void testsForNull() {
        assertThat(names(hosts.findByWeightIsNull())).containsExactlyInAnyOrder("db-1", "promo-50xxoff");
        assertThat(names(hosts.findByWeightNull())).isEqualTo(names(hosts.findByWeightIsNull()));
        assertThat(names(hosts.findByWeightIsNotNull())).hasSize(4).doesNotContain("db-1");
        assertThat(names(hosts.findByWeightNotNull())).isEqualTo(names(hosts.findByWeightIsNotNull()));
    }

    @Test
    void likeTakesThePatternAsGiven() {
        assertThat(names(hosts.findByHostnameLike("web-_"))).containsExactlyInAnyOrder("web-1", "web-2");
        assertThat(names(hosts.findByHostnameLike("promo-50%off"))).containsExactlyInAnyOrder("promo-50%_off", "promo-50xxoff");
        assertThat(names(hosts.findByHostnameNotLike("%-_"))).containsExactlyInAnyOrder("promo-50%_off", "promo-50xxoff");
    }

    @Test
    void startingEndingAndContainingMatchLiterally() {
        assertThat(names(hosts.findByHostnameStartingWith("web"))).containsExactlyInAnyOrder("web-1", "web-2");
        assertThat(names(hosts.findByHostnameStartsWith("promo-50%_"))).containsExactly("promo-50%_off");
        assertThat(names(hosts.findByHostnameEndingWith("-1"))).containsExactlyInAnyOrder("web-1", "db-1");
        assertThat(names(hosts.findByHostnameEndsWith("%_off"))).containsExactly("promo-50%_off");
        assertThat(names(hosts.findByHostnameContaining("eb"))).containsExactlyInAnyOrder("web-1", "web-2");
        assertThat(names(hosts.findByHostnameContains("50%"))).containsExactly("promo-50%_off");
    }

    @Test
    void containingEscapesPercentUnderscoreAndTheEscapeCharacter() {
        assertThat(names(hosts.findByHostnameContaining("50%_off"))).containsExactly("promo-50%_off");
        assertThat(names(hosts.findByHostnameContaining("_"))).containsExactly("promo-50%_off");
        assertThat(names(hosts.findByNoteContaining("a!b"))).containsExactly("promo-50%_off");
        assertThat(names(hosts.findByNoteContaining("!!"))).containsExactly("promo-50xxoff");
        assertThat(names(hosts.findByHostnameNotContaining("%"))).hasSize(5).doesNotContain("promo-50%_off");
    }

    @Test
    void inAcceptsACollectionAnArrayAndVarargs() {
        assertThat(names(hosts.findByPortIn(List.of(80, 443, 9999)))).containsExactlyInAnyOrder("web-1", "web-2");
        assertThat(names(hosts.findByPortIn(80, 5432))).containsExactlyInAnyOrder("web-1", "db-1");
        assertThat(names(hosts.findByHostnameIn(new String[] {"db-1", "web-2"}))).containsExactlyInAnyOrder("db-1", "web-2");
        assertThat(names(hosts.findByPortNotIn(Set.of(80, 443, 5432, 3306)))).containsExactlyInAnyOrder("promo-50%_off",
                "promo-50xxoff");
    }

    @Test
    void anEmptyInMatchesNothingAndAnEmptyNotInEverything() {
        assertThat(hosts.findByPortIn(List.of())).isEmpty();
        assertThat(hosts.findByPortIn()).isEmpty();
        assertThat(hosts.findByPortNotIn(List.of())).hasSize(6);
    }

    @Test
    void inListsOfEverySizeFindTheRightRowsThroughPaddedStatements() {
        for (int size = 1; size <= 9; size++) {
            List<Integer> ports = new ArrayList<>(List.of(80, 443, 5432, 3306, 8080, 8081, 1, 2, 3).subList(0, size));
            assertThat(hosts.findByPortIn(ports)).as("In list of %d", size).hasSize(Math.min(size, 6));
        }
        statements.clear();
        hosts.findByPortIn(List.of(80, 443, 5432));

        assertThat(statements).singleElement().asString().contains("in (?, ?, ?, ?)");
    }

    @Test
    void aLongInListRunsAsOneStatement() {
        List<Integer> ports = IntStream.rangeClosed(10_000, 13_000).boxed().collect(Collectors.toList());
        ports.add(443);

        assertThat(names(hosts.findByPortIn(ports))).containsExactly("web-2");
    }

    @Test
    void inRejectsNullsBeforeSendingSql() {
        statements.clear();

        assertThatThrownBy(() -> hosts.findByPortIn(Arrays.asList(80, null)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("HostRepository.findByPortIn: argument 1 (ports) for In in 'PortIn' contains null");
        assertThatThrownBy(() -> hosts.findByPortIn((Collection<Integer>) null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("is null; pass an empty collection to match nothing");
        assertThat(statements).isEmpty();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void inRejectsElementsOfTheWrongTypeNamingMethodArgumentAndType() {
        statements.clear();
        List raw = new ArrayList(List.of("eighty"));

        assertThatThrownBy(() -> hosts.findByPortIn((Collection<Integer>) raw))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("HostRepository.findByPortIn: argument 1 (ports) for In in 'PortIn' is eighty (String), which "
                        + "does not fit Integer (the value at position 0)");
        assertThat(statements).isEmpty();
    }

    @Test
    void comparisonsRejectANullArgument() {
        assertThatThrownBy(() -> hosts.findByWeightGreaterThan(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("HostRepository.findByWeightGreaterThan: argument 1 (weight) for GreaterThan in "
                        + "'WeightGreaterThan' is null; this condition needs a value (to match NULL use IsNull)");
    }

    @Test
    void trueAndFalseTestBooleans() {
        assertThat(names(hosts.findByActiveTrue())).containsExactlyInAnyOrder("web-1", "web-2", "promo-50%_off");
        assertThat(names(hosts.findByActiveIsTrue())).isEqualTo(names(hosts.findByActiveTrue()));
        assertThat(names(hosts.findByActiveFalse())).containsExactlyInAnyOrder("db-1", "DB-2", "promo-50xxoff");
    }

    @Test
    void ignoreCaseComparesLowerCasedValues() {
        assertThat(names(hosts.findByHostnameIgnoreCase("db-2"))).containsExactly("DB-2");
        assertThat(names(hosts.findByHostnameStartingWithIgnoringCase("DB"))).containsExactlyInAnyOrder("db-1", "DB-2");
        assertThat(names(hosts.findByHostnameInIgnoreCase(List.of("WEB-1", "db-2")))).containsExactlyInAnyOrder("web-1",
                "DB-2");
        assertThat(names(hosts.findByHostnameAndNoteAllIgnoreCase("Db-2", "REPLICA"))).containsExactly("DB-2");
    }

    @Test
    void orCombinesConditions() {
        assertThat(names(hosts.findByHostnameOrNote("web-1", "replica"))).containsExactlyInAnyOrder("web-1", "DB-2");
    }

    @Test
    void andBindsTighterThanOr() {
        // (active and port > 400) or hostname starts with "db"
        assertThat(names(hosts.findByActiveTrueAndPortGreaterThanOrHostnameStartingWith(400, "db-")))
                .contains("web-2", "promo-50%_off", "db-1").doesNotContain("web-1", "promo-50xxoff");
    }

    @Test
    void ordersByOneOrSeveralProperties() {
        assertThat(ports(hosts.findByActiveTrueOrderByPortDesc())).containsExactly(8080, 443, 80);
        assertThat(ports(hosts.findAllByOrderByPortAsc())).containsExactly(80, 443, 3306, 5432, 8080, 8081);
        // NULL weights sort first or last depending on the database; the port decides between them
        assertThat(ports(hosts.findByActiveFalseOrderByWeightAscPortDesc()))
                .isIn(List.of(3306, 8081, 5432), List.of(8081, 5432, 3306));
    }

    @Test
    void firstAndTopLimitTheRows() {
        assertThat(ports(hosts.findFirstByOrderByPortDesc())).containsExactly(8081);
        assertThat(hosts.findTopByActiveTrueOrderByPortAsc().hostname()).isEqualTo("web-1");
        assertThat(ports(hosts.findTop3ByOrderByPortDesc())).containsExactly(8081, 8080, 5432);
    }

    @Test
    void distinctSelectsDistinctRows() {
        assertThat(hosts.findDistinctByActiveTrue()).hasSize(3);
    }

    @Test
    void everyFindVerbFinds() {
        assertThat(names(hosts.findHostsByPort(80))).containsExactly("web-1");
        assertThat(names(hosts.readByPort(80))).containsExactly("web-1");
        assertThat(names(hosts.getByPort(80))).containsExactly("web-1");
        assertThat(names(hosts.queryByPort(80))).containsExactly("web-1");
        assertThat(names(hosts.searchByPort(80))).containsExactly("web-1");
    }

    @Test
    void streamsRowsUntilClosed() {
        try (Stream<Host> active = hosts.streamByActiveTrue()) {
            assertThat(active.map(Host::hostname)).containsExactlyInAnyOrder("web-1", "web-2", "promo-50%_off");
        }
        List<String> inTransaction = factory.context().inTransaction(session -> {
            try (Stream<Host> active = hosts.streamByActiveTrue()) {
                return active.map(Host::hostname).toList();
            }
        });
        assertThat(inTransaction).hasSize(3);
    }

    @Test
    void returnsCollectionsAndIterables() {
        assertThat(names(hosts.findByWeightGreaterThan(10))).containsExactlyInAnyOrder("web-2", "promo-50%_off");
        assertThat(names(hosts.findByWeightLessThan(10))).containsExactly("DB-2");
    }

    @Test
    void countsRows() {
        assertThat(hosts.countByActiveTrue()).isEqualTo(3L);
        assertThat(hosts.countByNoteContaining("!")).isEqualTo(2);
        assertThat(hosts.countBy()).isEqualTo(6L);
    }

    @Test
    void testsWhetherRowsExistReadingAtMostOne() {
        assertThat(hosts.existsByHostname("web-1")).isTrue();
        assertThat(hosts.existsByHostname("nope")).isFalse();
        statements.clear();

        assertThat(hosts.existsByPortGreaterThan(1000)).isTrue();
        assertThat(statements).singleElement().asString().startsWith("select id from dq_host where port > ?");
    }

    @Test
    void deletesWithOneStatementAndReturnsTheCount() {
        statements.clear();

        assertThat(hosts.deleteByActiveFalse()).isEqualTo(3L);
        hosts.removeByHostname("web-1");

        assertThat(statements).containsExactly("delete from dq_host where active = ?",
                "delete from dq_host where hostname = ?");
        assertThat(names(hosts.findAll())).containsExactlyInAnyOrder("web-2", "promo-50%_off");
    }

    @Test
    void updatesWithOneStatementAndReturnsTheCount() {
        statements.clear();

        assertThat(hosts.updatePortByHostname(8443, "web-2")).isEqualTo(1);
        assertThat(hosts.updateNoteAndWeightByActiveTrue(null, 99)).isEqualTo(3L);

        assertThat(statements).containsExactly("update dq_host set port = ? where hostname = ?",
                "update dq_host set note = ?, weight = ? where active = ?");
        assertThat(hosts.findByHostname("web-2")).extracting(Host::port, Host::note, Host::weight)
                .containsExactly(8443, null, 99);
    }
}
