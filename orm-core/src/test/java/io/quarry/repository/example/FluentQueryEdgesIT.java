package io.quarry.repository.example;

import static io.quarry.repository.ExampleMatcher.GenericPropertyMatchers.endsWith;
import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.repository.CrudRepository;
import io.quarry.repository.Example;
import io.quarry.repository.ExampleMatcher;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import io.quarry.repository.PredicateExecutor;
import io.quarry.repository.QueryByExampleExecutor;
import io.quarry.repository.Slice;
import io.quarry.repository.Sort;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.sql.Predicate;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edges of the executors' fluent query and arguments: unpaged pages and slices read every row in
 * the query's order, a limit of zero reads none, first() of nothing is empty, and each null or
 * negative argument is refused naming the method and what to pass instead, before any SQL.
 */
@CrossDatabaseTest
class FluentQueryEdgesIT {

    interface ServerRepository extends CrudRepository<Server, Long>, PredicateExecutor<Server>,
            QueryByExampleExecutor<Server> {
    }

    private final Engine engine;
    private final TestDatabase db;
    private final Statements statements = new Statements();
    private ServerRepository servers;

    FluentQueryEdgesIT(TestDatabase db) {
        this.db = db;
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

    private static List<String> names(Iterable<Server> found) {
        List<String> names = new java.util.ArrayList<>();
        found.forEach(server -> names.add(server.getName()));
        return names;
    }

    @Test
    void anUnpagedPageOrSliceReadsEveryRowInTheQuerysOrder() {
        Predicate cores = col(Server::getCores).ge(4);
        Page<Server> page = servers.findBy(cores,
                q -> q.sortBy(Sort.by(Sort.Direction.DESC, "name")).page(Pageable.unpaged()));
        assertThat(names(page.getContent())).as("on %s", db).containsExactly("web-2", "web-1", "db-1");
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(statements.take()).as("no count for an unpaged page").noneMatch(sql -> sql.contains("count("));

        Slice<Server> slice = servers.findBy(cores, q -> q.sortBy(Sort.by("name")).slice(Pageable.unpaged()));
        assertThat(names(slice.getContent())).containsExactly("db-1", "web-1", "web-2");
        assertThat(slice.hasNext()).isFalse();
    }

    @Test
    void aLimitOfZeroReadsNothingAndFirstOfNothingIsEmpty() {
        Predicate web = col(Server::getTier).eq("web");
        List<Server> none = servers.findBy(web, q -> q.limit(0).all());
        assertThat(none).as("on %s", db).isEmpty();
        Optional<Server> first = servers.findBy(col(Server::getName).eq("none"), q -> q.first());
        assertThat(first).isEmpty();
        Server firstValue = servers.findBy(col(Server::getName).eq("none"), q -> q.firstValue());
        assertThat(firstValue).isNull();
        String one = servers.findBy(web, q -> q.sortBy(Sort.by("name")).limit(1).oneValue().getName());
        assertThat(one).isEqualTo("web-1");
    }

    @Test
    void nullOrNegativeFluentArgumentsAreRefusedNamingTheMethodBeforeAnySql() {
        Predicate web = col(Server::getTier).eq("web");
        assertThatThrownBy(() -> servers.findBy(web, q -> q.sortBy(null).all())).as("on %s", db)
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ServerRepository.findBy: sortBy(null); pass Sort.unsorted() for no order");
        assertThatThrownBy(() -> servers.findBy(web, q -> q.limit(-1).all()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ServerRepository.findBy: limit(-1) must not be negative");
        assertThatThrownBy(() -> servers.findBy(web, q -> q.page(null)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ServerRepository.findBy: page(null); pass Pageable.unpaged() to read every row");
        assertThatThrownBy(() -> servers.findBy(web, q -> q.slice(null)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ServerRepository.findBy: slice(null); pass Pageable.unpaged() to read every row");
        assertThatThrownBy(() -> servers.findBy(web, q -> q.as(null).all()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ServerRepository.findBy: as(null); pass the entity, an interface or a DTO class");
        assertThatThrownBy(() -> servers.findBy(web, null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("findBy(..., null): pass a function that ends the query, such as q -> q.all()");
        assertThatThrownBy(() -> servers.findBy(Example.of(Server.tier("web")), null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("findBy(..., null): pass a function that ends the query, such as q -> q.all()");
        assertThatThrownBy(() -> servers.findAll(web, (Sort) null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Server findAll: the Sort is null; pass Sort.unsorted() for no order");
        assertThatThrownBy(() -> servers.findAll(Example.of(Server.tier("web")), (Sort) null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("Server findAll: the Sort is null; pass Sort.unsorted() for no order");
        assertThat(statements.take()).isEmpty();
    }

    @Test
    void theFluentQueryDescribesItsMethodConditionSortAndLimit() {
        String described = servers.findBy(col(Server::getTier).eq("web"),
                q -> q.sortBy(Sort.by("name")).limit(3).toString());
        assertThat(described).as("on %s", db).startsWith("FluentQuery[ServerRepository.findBy, ")
                .contains("tier").endsWith(", limit 3]");
        String plain = servers.findBy(col(Server::getTier).eq("web"), q -> q.toString());
        assertThat(plain).doesNotContain("limit");
    }

    @Test
    void anEndingMatcherIgnoringCaseMatchesTheEndInAnyCase() {
        Server probe = Server.tier("EB");
        ExampleMatcher ending = ExampleMatcher.matching().withIgnorePaths("cores")
                .withMatcher("tier", endsWith().ignoreCase());
        assertThat(names(servers.findAll(Example.of(probe, ending), Sort.by("name")))).as("on %s", db)
                .containsExactly("Web_3%", "web-1", "web-2");
        ExampleMatcher caseSensitive = ExampleMatcher.matching().withIgnorePaths("cores")
                .withMatcher("tier", endsWith());
        assertThat(names(servers.findAll(Example.of(probe, caseSensitive)))).containsExactly("Web_3%");
    }
}
