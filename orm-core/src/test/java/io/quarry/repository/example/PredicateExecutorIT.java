package io.quarry.repository.example;

import static io.quarry.sql.Sql.and;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.has;
import static io.quarry.sql.Sql.or;
import static io.quarry.sql.Sql.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.NonUniqueResultException;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.Example;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.Page;
import io.quarry.repository.PageRequest;
import io.quarry.repository.PredicateExecutor;
import io.quarry.repository.QueryByExampleExecutor;
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
 * The predicate executor: the Session API's conditions as a repository's specifications, with
 * sorting, paging, counts, a one-statement delete and the fluent query, exact statement counts,
 * and a condition on another entity refused before any SQL.
 */
@CrossDatabaseTest
class PredicateExecutorIT {

    interface ServerRepository extends CrudRepository<Server, Long>, PredicateExecutor<Server>,
            QueryByExampleExecutor<Server> {
    }

    interface ServerName {
        String getName();
    }

    private final Engine engine;
    private final Statements statements = new Statements();
    private ServerRepository servers;

    PredicateExecutorIT(TestDatabase db) {
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

    /** The statements since the last call, less the one IN statement that loads the sites of entities read. */
    private List<String> rowStatements() {
        return statements.take().stream().filter(sql -> !sql.contains("from qbe_site where id ")).toList(); // not the reference loads: in (...) or = any(?)
    }

    @Test
    void findsEveryEntityMeetingTheConditionsInOneStatement() {
        Predicate web = col(Server::getTier).eq("web").and(col(Server::getCores).ge(4));
        assertThat(names(servers.findAll(web))).containsExactly("web-1", "web-2");
        assertThat(rowStatements()).singleElement().asString().contains("where (tier = ? and cores >= ?)");
        assertThat(names(servers.findAll(or(col(Server::getRam).isNull(), col(Server::getName).startsWith("db")))))
                .containsExactly("db-1", "web-2");
        assertThat(names(servers.findAll(and()))).hasSize(5);
    }

    @Test
    void readsThroughReferencesAsJoinsOrExists() {
        assertThat(names(servers.findAll(path(Server::getSite, Site::getRegion).eq("us")))).containsExactly("db-1",
                "web23");
        assertThat(rowStatements()).singleElement().asString().contains("left join qbe_site");
        assertThat(names(servers.findAll(has(Server::getSite, col(Site::getName).eq("fra"))))).containsExactly("web-1",
                "web-2");
        assertThat(names(servers.findAll(col("site.name").isNull()))).containsExactly("Web_3%");
    }

    @Test
    void sortsAndPagesWithACountOnlyWhenThePageIsFull() {
        Predicate web = col(Server::getName).startsWithIgnoreCase("web");
        assertThat(servers.findAll(web, Sort.by(Sort.Direction.DESC, "cores"))).extracting(Server::getName)
                .containsExactly("web-2", "web-1", "Web_3%", "web23");
        statements.take();
        Page<Server> first = servers.findAll(web, PageRequest.of(0, 3, Sort.by("name")));
        assertThat(first.getContent()).extracting(Server::getName).containsExactly("Web_3%", "web-1", "web-2");
        assertThat(first.getTotalElements()).isEqualTo(4);
        assertThat(rowStatements()).hasSize(2);
        Page<Server> last = servers.findAll(web, PageRequest.of(1, 3, Sort.by("name")));
        assertThat(last.getContent()).extracting(Server::getName).containsExactly("web23");
        assertThat(rowStatements()).hasSize(1);
    }

    @Test
    void countsChecksExistenceAndFindsOneInOneStatementEach() {
        assertThat(servers.count(col(Server::getCores).eq(8))).isEqualTo(2);
        assertThat(servers.exists(col(Server::getName).eq("db-1"))).isTrue();
        assertThat(servers.exists(col(Server::getName).eq("none"))).isFalse();
        assertThat(rowStatements()).hasSize(3);
        assertThat(servers.findOne(col(Server::getName).eq("db-1"))).get().extracting(Server::getName)
                .isEqualTo("db-1");
        assertThat(servers.findOne(col(Server::getName).eq("none"))).isEmpty();
        assertThatThrownBy(() -> servers.findOne(col(Server::getCores).eq(8)))
                .isInstanceOf(NonUniqueResultException.class)
                .hasMessageContaining("ServerRepository.findOne found more than one row");
    }

    @Test
    void deletesEveryMatchingRowInOneStatement() {
        assertThat(servers.delete(col(Server::getTier).eq("web"))).isEqualTo(2);
        assertThat(statements.take()).singleElement().asString().startsWith("delete from qbe_server where tier = ?");
        assertThat(servers.delete(has(Server::getSite, col(Site::getRegion).eq("us")))).isEqualTo(2);
        assertThat(statements.take()).singleElement().asString().contains("exists");
        assertThat(names(servers.findAll())).containsExactly("Web_3%");
    }

    @Test
    void refusesADeleteThatWouldNeedAJoinBeforeAnySql() {
        assertThatThrownBy(() -> servers.delete(path(Server::getSite, Site::getRegion).eq("us")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ServerRepository.delete: ").hasMessageContaining("has(");
        assertThat(statements.take()).isEmpty();
        assertThat(servers.count(and())).isEqualTo(5);
    }

    @Test
    void refusesAConditionOnAnotherEntityBeforeAnySql() {
        assertThatThrownBy(() -> servers.findAll(col(Site::getName).eq("fra")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("ServerRepository.findAll: Property Site.name does not belong to Server");
        assertThatThrownBy(() -> servers.count(col(Site::getRegion).eq("eu")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("does not belong to Server");
        assertThatThrownBy(() -> servers.delete(col(Site::getRegion).eq("eu")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("does not belong to Server");
        assertThatThrownBy(() -> servers.findAll(col("nmae").eq("x")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("nmae");
        assertThatThrownBy(() -> servers.findAll((Predicate) null))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("a Predicate is required");
        assertThatThrownBy(() -> servers.delete((Predicate) null))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("deleteAll()");
        assertThat(statements.take()).isEmpty();
    }

    @Test
    void shapesAFluentQuery() {
        Predicate web = col(Server::getTier).eq("web");
        List<ServerName> names = servers.findBy(web, q -> q.as(ServerName.class).sortBy(Sort.by("name")).all());
        assertThat(names).extracting(ServerName::getName).containsExactly("web-1", "web-2");
        Optional<Server> first = servers.findBy(web, q -> q.sortBy(Sort.by(Sort.Direction.DESC, "name")).first());
        assertThat(first).get().extracting(Server::getName).isEqualTo("web-2");
        long count = servers.findBy(web, q -> q.limit(1).count());
        assertThat(count).isEqualTo(2);
        assertThat(rowStatements()).hasSize(3);
    }

    @Test
    void servesBothExecutorsFromOneRepository() {
        Server probe = Server.tier("web");
        probe.cores = 4;
        assertThat(names(servers.findAll(Example.of(probe)))).containsExactly("web-1");
        assertThat(names(servers.findAll(col(Server::getTier).eq("web")))).containsExactly("web-1", "web-2");
    }
}
