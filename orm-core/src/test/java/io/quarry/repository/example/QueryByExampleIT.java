package io.quarry.repository.example;

import static io.quarry.repository.ExampleMatcher.GenericPropertyMatchers.contains;
import static io.quarry.repository.ExampleMatcher.GenericPropertyMatchers.endsWith;
import static io.quarry.repository.ExampleMatcher.GenericPropertyMatchers.exact;
import static io.quarry.repository.ExampleMatcher.GenericPropertyMatchers.ignoreCase;
import static io.quarry.repository.ExampleMatcher.GenericPropertyMatchers.regex;
import static io.quarry.repository.ExampleMatcher.GenericPropertyMatchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.NonUniqueResultException;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.Example;
import io.quarry.repository.ExampleMatcher;
import io.quarry.repository.ExampleMatcher.StringMatcher;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.Page;
import io.quarry.repository.PageRequest;
import io.quarry.repository.QueryByExampleExecutor;
import io.quarry.repository.Slice;
import io.quarry.repository.Sort;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Query by Example as Spring Data defines it: every matcher, null handling, case, ignored paths,
 * any/all, to-one probes, sorting, paging and the fluent terminals, with exact statement counts,
 * LIKE wildcards in the probe taken literally, and bad input refused before any SQL.
 */
@CrossDatabaseTest
class QueryByExampleIT {

    interface ServerRepository extends CrudRepository<Server, Long>, QueryByExampleExecutor<Server> {
        List<Server> findByTier(String tier);
    }

    interface ServerName {
        String getName();
    }

    record ServerSummary(String name, int cores) {
    }

    /** The matcher most tests start from: {@code cores} is a primitive, so it would be compared as 0. */
    private static final ExampleMatcher NO_CORES = ExampleMatcher.matching().withIgnorePaths("cores");

    private final Engine engine;
    private final Statements statements = new Statements();
    private ServerRepository servers;

    QueryByExampleIT(TestDatabase db) {
        this.engine = Engine.create(db.dataSource());
    }

    /** fra (eu): web-1, web-2; iad (us): db-1, web23; no site: Web_3%. */
    @BeforeEach
    void seed() {
        dropTables();
        engine.createAll(Server.class);
        servers = RepositoryFactory.of(engine.sessionFactory()).create(ServerRepository.class);
        try (Session session = engine.openSession()) {
            Site fra = new Site("fra", "eu");
            Site iad = new Site("iad", "us");
            session.addAll(fra, iad);
            session.addAll(new Server("web-1", "web", 4, 16, fra), new Server("web-2", "web", 8, null, fra),
                    new Server("db-1", "db", 8, 64, iad), new Server("web23", null, 0, 8, iad),
                    new Server("Web_3%", "WEB", 2, 8, null));
            session.commit();
        }
        engine.addStatementListener(statements);
    }

    @AfterEach
    void dropTables() {
        engine.removeStatementListener(statements);
        engine.dropAll(Server.class, Site.class);
    }

    private static List<String> names(List<Server> found) {
        return found.stream().map(Server::getName).sorted().toList();
    }

    /**
     * The statements that read servers since the last call; each read of entities adds one more that
     * loads their sites (one IN statement, whatever the row count).
     */
    private long rowStatements() {
        List<String> taken = statements.take();
        long sites = taken.stream().filter(sql -> sql.contains("from qbe_site where id ")).count(); // in (...) or = any(?)
        assertThat(sites).isLessThanOrEqualTo(taken.size() - sites);
        return taken.size() - sites;
    }

    private List<String> find(Server probe, ExampleMatcher matcher) {
        return names(servers.findAll(Example.of(probe, matcher)));
    }

    @Test
    void matchesEverySetPropertyExactlyInOneStatementPlusOneForTheReferences() {
        assertThat(find(Server.tier("web"), NO_CORES)).containsExactly("web-1", "web-2");
        assertThat(statements.take()).hasSize(2).last().asString().contains("from qbe_site where id ");
    }

    @Test
    void comparesPrimitivePropertiesAsSpringDataDoesBecauseTheyAreNeverNull() {
        assertThat(names(servers.findAll(Example.of(Server.tier("web"))))).isEmpty();
        Server eight = new Server();
        eight.cores = 8;
        assertThat(names(servers.findAll(Example.of(eight)))).containsExactly("db-1", "web-2");
        assertThat(names(servers.findAll(Example.of(new Server())))).containsExactly("web23");
    }

    @Test
    void anEmptyProbeMatchesEveryRowInBothModes() {
        assertThat(find(new Server(), NO_CORES)).hasSize(5);
        assertThat(find(new Server(), ExampleMatcher.matchingAny().withIgnorePaths("cores"))).hasSize(5);
    }

    @Test
    void leavesNullsOutByDefaultAndRequiresNullWhenIncluded() {
        ExampleMatcher includeNulls = NO_CORES.withIncludeNullValues().withIgnorePaths("id", "name", "version", "site",
                "ram");
        assertThat(find(new Server(), includeNulls)).containsExactly("web23");
        Server probe = Server.tier("web");
        assertThat(find(probe, NO_CORES.withIncludeNullValues().withIgnorePaths("id", "name", "version", "site")))
                .containsExactly("web-2");
    }

    @Test
    void appliesEveryStringMatcher() {
        assertThat(find(Server.named("web-1"), NO_CORES.withStringMatcher(StringMatcher.EXACT))).containsExactly("web-1");
        assertThat(find(Server.named("web-1"), NO_CORES.withStringMatcher(StringMatcher.DEFAULT)))
                .containsExactly("web-1");
        assertThat(find(Server.named("web"), NO_CORES.withStringMatcher(StringMatcher.STARTING)))
                .containsExactly("web-1", "web-2", "web23");
        assertThat(find(Server.named("-1"), NO_CORES.withStringMatcher(StringMatcher.ENDING)))
                .containsExactly("db-1", "web-1");
        assertThat(find(Server.named("eb"), NO_CORES.withStringMatcher(StringMatcher.CONTAINING)))
                .containsExactly("Web_3%", "web-1", "web-2", "web23");
        assertThat(find(Server.named("^web-[0-9]$"), NO_CORES.withStringMatcher(StringMatcher.REGEX)))
                .containsExactly("web-1", "web-2");
    }

    @Test
    void ignoresCaseEverywhereOrPerPath() {
        assertThat(find(Server.named("WEB"), NO_CORES.withStringMatcher(StringMatcher.STARTING).withIgnoreCase()))
                .containsExactly("Web_3%", "web-1", "web-2", "web23");
        assertThat(find(Server.tier("web"), NO_CORES.withIgnoreCase("tier"))).containsExactly("Web_3%", "web-1", "web-2");
        assertThat(find(Server.named("^WEB-"), NO_CORES.withMatcher("name", regex().ignoreCase())))
                .containsExactly("web-1", "web-2");
        assertThat(find(Server.named("^WEB-"), NO_CORES.withMatcher("name", regex()))).isEmpty();
        assertThat(find(Server.named("WEB-1"), NO_CORES.withIgnoreCase().withMatcher("name", ExampleMatcher.GenericPropertyMatcher.of(
                StringMatcher.EXACT, false)))).isEmpty();
    }

    @Test
    void takesMatchersPerPathAsObjectsOrConfigurers() {
        Server probe = Server.named("web");
        probe.tier = "B";
        ExampleMatcher matcher = NO_CORES.withMatcher("name", startsWith()).withMatcher("tier", m -> m.endsWith()
                .ignoreCase());
        assertThat(find(probe, matcher)).containsExactly("web-1", "web-2");
        assertThat(find(Server.named("2"), NO_CORES.withMatcher("name", endsWith()))).containsExactly("web-2");
        assertThat(find(Server.named("b-"), NO_CORES.withMatcher("name", contains()))).containsExactly("db-1", "web-1",
                "web-2");
        assertThat(find(Server.named("web-1"), NO_CORES.withStringMatcher(StringMatcher.CONTAINING)
                .withMatcher("name", exact()))).containsExactly("web-1");
        assertThat(find(Server.named("WEB-2"), NO_CORES.withMatcher("name", ExampleMatcher.GenericPropertyMatcher
                .of(StringMatcher.EXACT, true)))).containsExactly("web-2");
    }

    @Test
    void transformsProbeValuesPerPath() {
        ExampleMatcher upper = NO_CORES.withTransformer("tier", value -> value.map(tier -> ((String) tier).toUpperCase()));
        assertThat(find(Server.tier("web"), upper)).containsExactly("Web_3%");
        ExampleMatcher dropped = NO_CORES.withTransformer("tier", value -> Optional.empty());
        assertThat(find(Server.tier("web"), dropped)).hasSize(5);
    }

    @Test
    void leavesIgnoredPathsOutAndOrsConditionsInAnyMode() {
        Server probe = Server.named("db-1");
        probe.tier = "WEB";
        assertThat(find(probe, NO_CORES.withIgnorePaths("tier"))).containsExactly("db-1");
        assertThat(find(probe, ExampleMatcher.matchingAny().withIgnorePaths("cores"))).containsExactly("Web_3%", "db-1");
        assertThat(find(probe, NO_CORES)).isEmpty();
    }

    @Test
    void comparesAToOneProbeThroughItsOwnPropertiesThroughAJoin() {
        Server probe = new Server();
        probe.site = new Site("fra", null);
        assertThat(find(probe, NO_CORES)).containsExactly("web-1", "web-2");
        assertThat(statements.take()).hasSize(2).first().asString().contains("left join qbe_site");
        probe.site = new Site("IA", null);
        assertThat(find(probe, NO_CORES.withMatcher("site.name", startsWith().ignoreCase()))).containsExactly("db-1",
                "web23");
        probe.site = new Site(null, "us");
        assertThat(find(probe, NO_CORES.withIgnorePaths("site.region"))).hasSize(5);
        assertThat(find(new Server(), NO_CORES.withIncludeNullValues().withIgnorePaths("id", "name", "tier", "ram",
                "version"))).containsExactly("Web_3%");
    }

    @Test
    void sortsByPropertiesAndReferencePaths() {
        Example<Server> example = Example.of(Server.named("web"), NO_CORES.withStringMatcher(StringMatcher.STARTING));
        assertThat(servers.findAll(example, Sort.by(Sort.Direction.DESC, "name"))).extracting(Server::getName)
                .containsExactly("web23", "web-2", "web-1");
        assertThat(servers.findAll(example, Sort.by(Sort.Direction.DESC, "site.name").and(Sort.by("name"))))
                .extracting(Server::getName).containsExactly("web23", "web-1", "web-2");
        assertThatThrownBy(() -> servers.findAll(example, Sort.by("nmae")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("did you mean 'name'");
    }

    @Test
    void readsAFullPageWithItsCountAndALastPageWithoutOne() {
        Example<Server> example = Example.of(Server.named("web"), NO_CORES.withStringMatcher(StringMatcher.STARTING));
        Page<Server> first = servers.findAll(example, PageRequest.of(0, 2, Sort.by("name")));
        assertThat(first.getContent()).extracting(Server::getName).containsExactly("web-1", "web-2");
        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(rowStatements()).isEqualTo(2);
        Page<Server> last = servers.findAll(example, PageRequest.of(1, 2, Sort.by("name")));
        assertThat(last.getContent()).extracting(Server::getName).containsExactly("web23");
        assertThat(last.getTotalElements()).isEqualTo(3);
        assertThat(rowStatements()).isEqualTo(1);
    }

    @Test
    void countsChecksExistenceAndFindsOne() {
        Example<Server> web = Example.of(Server.tier("web"), NO_CORES);
        assertThat(servers.count(web)).isEqualTo(2);
        assertThat(servers.exists(web)).isTrue();
        assertThat(servers.exists(Example.of(Server.tier("none"), NO_CORES))).isFalse();
        assertThat(statements.take()).hasSize(3);
        assertThat(servers.findOne(Example.of(Server.named("db-1"), NO_CORES))).get().extracting(Server::getName)
                .isEqualTo("db-1");
        assertThat(servers.findOne(Example.of(Server.named("none"), NO_CORES))).isEmpty();
        assertThatThrownBy(() -> servers.findOne(web)).isInstanceOf(NonUniqueResultException.class)
                .hasMessageContaining("ServerRepository.findOne found more than one row");
    }

    @Test
    void shapesAFluentQueryAndRunsEachTerminalInOneStatement() {
        Example<Server> web = Example.of(Server.named("web"), NO_CORES.withStringMatcher(StringMatcher.STARTING));
        Optional<Server> first = servers.findBy(web, q -> q.sortBy(Sort.by("name")).first());
        assertThat(first).get().extracting(Server::getName).isEqualTo("web-1");
        Server last = servers.findBy(web, q -> q.sortBy(Sort.by(Sort.Direction.DESC, "name")).firstValue());
        assertThat(last.getName()).isEqualTo("web23");
        List<Server> two = servers.findBy(web, q -> q.sortBy(Sort.by("name")).limit(2).all());
        assertThat(two).extracting(Server::getName).containsExactly("web-1", "web-2");
        long count = servers.findBy(web, q -> q.count());
        assertThat(count).isEqualTo(3);
        boolean exists = servers.findBy(web, q -> q.exists());
        assertThat(exists).isTrue();
        assertThat(rowStatements()).isEqualTo(5);
        Example<Server> db = Example.of(Server.named("db-1"), NO_CORES);
        Optional<Server> one = servers.findBy(db, q -> q.one());
        assertThat(one).get().extracting(Server::getName).isEqualTo("db-1");
        Server oneValue = servers.findBy(db, q -> q.oneValue());
        assertThat(oneValue.getName()).isEqualTo("db-1");
        assertThatThrownBy(() -> servers.findBy(web, q -> q.oneValue())).isInstanceOf(NonUniqueResultException.class);
        try (Stream<Server> stream = servers.findBy(web, q -> q.sortBy(Sort.by("name")).stream())) {
            assertThat(stream.map(Server::getName)).containsExactly("web-1", "web-2", "web23");
        }
    }

    @Test
    void pagesAndSlicesAFluentQuery() {
        Example<Server> web = Example.of(Server.named("web"), NO_CORES.withStringMatcher(StringMatcher.STARTING));
        Page<Server> page = servers.findBy(web, q -> q.sortBy(Sort.by("name")).page(PageRequest.of(0, 2)));
        assertThat(page.getContent()).extracting(Server::getName).containsExactly("web-1", "web-2");
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(rowStatements()).isEqualTo(2);
        Slice<Server> slice = servers.findBy(web, q -> q.slice(PageRequest.of(0, 2, Sort.by("name"))));
        assertThat(slice.getContent()).extracting(Server::getName).containsExactly("web-1", "web-2");
        assertThat(slice.hasNext()).isTrue();
        assertThat(rowStatements()).isEqualTo(1);
    }

    @Test
    void projectsAFluentQueryOntoInterfacesAndDtos() {
        Example<Server> web = Example.of(Server.tier("web"), NO_CORES);
        List<ServerName> names = servers.findBy(web, q -> q.as(ServerName.class).sortBy(Sort.by("name")).all());
        assertThat(names).extracting(ServerName::getName).containsExactly("web-1", "web-2");
        List<ServerSummary> summaries = servers.findBy(web, q -> q.as(ServerSummary.class).sortBy(Sort.by("name")).all());
        assertThat(summaries).containsExactly(new ServerSummary("web-1", 4), new ServerSummary("web-2", 8));
        assertThat(statements.take()).hasSize(2).allSatisfy(sql -> assertThat(sql.toLowerCase()).doesNotContain("ram"));
        List<Server> projected = servers.findBy(web, q -> q.project("name", "site").all());
        assertThat(projected).hasSize(2);
        assertThatThrownBy(() -> servers.findBy(web, q -> q.project("nmae").all()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("did you mean 'name'");
        assertThatThrownBy(() -> servers.findBy(web, q -> q.as(String.class).all()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("reads whole rows");
    }

    @Test
    void takesLikeWildcardsInTheProbeLiterally() {
        assertThat(find(Server.named("b_3"), NO_CORES.withStringMatcher(StringMatcher.CONTAINING)))
                .containsExactly("Web_3%");
        assertThat(find(Server.named("%"), NO_CORES.withStringMatcher(StringMatcher.ENDING))).containsExactly("Web_3%");
        assertThat(find(Server.named("web_"), NO_CORES.withStringMatcher(StringMatcher.STARTING).withIgnoreCase()))
                .containsExactly("Web_3%");
        assertThat(find(Server.named("%"), NO_CORES.withStringMatcher(StringMatcher.STARTING))).isEmpty();
    }

    @Test
    void refusesAProbeOfAnotherEntityBeforeAnySql() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Example<Server> site = (Example) Example.of(new Site("fra", "eu"));
        assertThatThrownBy(() -> servers.findAll(site)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ServerRepository.findAll: the example's probe is a Site, but this repository "
                        + "reads Server");
        assertThatThrownBy(() -> servers.findAll((Example<Server>) null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("an Example is required");
        assertThat(statements.take()).isEmpty();
    }

    @Test
    void refusesAMatcherPathThatIsNoPropertyNamingTheNearest() {
        assertThatThrownBy(() -> find(Server.named("web"), NO_CORES.withMatcher("nmae", startsWith())))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'nmae' is not a property of Server; did you mean 'name'?");
        assertThatThrownBy(() -> find(Server.named("web"), NO_CORES.withIgnorePaths("site.regon")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'regon' is not a property of Site (site reaches Site); did you mean 'region'?");
        assertThatThrownBy(() -> find(Server.named("web"), NO_CORES.withIgnoreCase("tier.name")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("'tier' is not a to-one relation of Server");
        assertThatThrownBy(() -> ExampleMatcher.matching().withIgnorePaths(" "))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(statements.take()).isEmpty();
    }

    @Test
    void leavesDerivedQueriesBesideTheExecutorsAlone() {
        assertThat(names(servers.findByTier("web"))).containsExactly("web-1", "web-2");
    }
}
