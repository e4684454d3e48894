package io.quarry.repository.scroll;

import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.Example;
import io.quarry.repository.FluentQuery;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.KeysetScrollPosition;
import io.quarry.repository.PredicateExecutor;
import io.quarry.repository.QueryByExampleExecutor;
import io.quarry.repository.ScrollPosition;
import io.quarry.repository.Sort;
import io.quarry.repository.Window;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.sql.Predicate;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FluentQuery.scroll of the query-by-example and predicate executors, keyset and offset, as Spring Data's. */
@CrossDatabaseTest
class ExecutorScrollingIT {

    @Entity
    @Table(name = "sx_server")
    record Server(@Id @GeneratedValue Long id, String name, String zone, int cores) {
    }

    interface ServerRepository extends CrudRepository<Server, Long>, QueryByExampleExecutor<Server>,
            PredicateExecutor<Server> {
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private ServerRepository servers;
    private List<Server> saved;

    ExecutorScrollingIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createServers() {
        db.dropTablesQuietly("sx_server");
        Engine engine = Engine.create(db.dataSource());
        engine.createAll(Server.class);
        servers = RepositoryFactory.of(engine.sessionFactory()).create(ServerRepository.class);
        List<Server> all = new ArrayList<>();
        for (int i = 1; i <= 17; i++) {
            all.add(new Server(null, "s" + (i * 5) % 17, i % 2 == 0 ? "east" : "west", 2 + i % 4));
        }
        saved = new ArrayList<>();
        servers.saveAll(all).forEach(saved::add);
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @AfterEach
    void dropServers() {
        db.dropTablesQuietly("sx_server");
    }

    private static List<Server> scrollAll(Function<ScrollPosition, Window<Server>> query, ScrollPosition start) {
        List<Server> rows = new ArrayList<>();
        ScrollPosition position = start;
        for (int windows = 0; windows < 50; windows++) {
            Window<Server> window = query.apply(position);
            rows.addAll(window.getContent());
            if (!window.hasNext()) {
                return rows;
            }
            position = window.positionAt(window.size() - 1);
        }
        throw new AssertionError("more than 50 windows");
    }

    private Function<ScrollPosition, Window<Server>> byPredicate(Predicate predicate, Sort sort, int limit) {
        return position -> servers.findBy(predicate, (FluentQuery.FetchableFluentQuery<Server> q) -> q.sortBy(sort)
                .limit(limit).scroll(position));
    }

    @Test
    void predicateWindowsByKeysetAndOffsetGiveTheRowsOfOneOrderedRead() {
        Predicate west = col(Server::zone).eq("west");
        Sort sort = Sort.by(Sort.Order.desc("cores"), Sort.Order.asc("name"));
        List<Server> expected = servers.findAll(west, sort);

        statements.clear();
        assertThat(scrollAll(byPredicate(west, sort, 2), ScrollPosition.keyset())).isEqualTo(expected);
        assertThat(statements).hasSize(5).noneMatch(sql -> sql.toLowerCase().contains("offset"));
        assertThat(scrollAll(byPredicate(west, sort, 2), ScrollPosition.offset())).isEqualTo(expected);
    }

    @Test
    void tiesOnTheSortAreBrokenByTheId() {
        Predicate all = io.quarry.sql.Sql.and();
        List<Server> expected = saved.stream().sorted(Comparator.comparingInt(Server::cores).thenComparing(Server::id))
                .toList();

        assertThat(scrollAll(byPredicate(all, Sort.by("cores"), 3), ScrollPosition.keyset())).isEqualTo(expected);
        assertThat(scrollAll(byPredicate(all, Sort.by("cores"), 3), ScrollPosition.offset())).isEqualTo(expected);
    }

    @Test
    void exampleWindowsScrollForwardAndBackward() {
        Example<Server> east = Example.of(new Server(null, null, "east", 0),
                io.quarry.repository.ExampleMatcher.matching().withIgnorePaths("cores"));
        List<Server> expected = servers.findAll(east, Sort.by("name"));
        Function<ScrollPosition, Window<Server>> query = position -> servers.findBy(east,
                q -> q.sortBy(Sort.by("name")).limit(3).scroll(position));

        assertThat(scrollAll(query, ScrollPosition.keyset())).isEqualTo(expected);
        Window<Server> first = query.apply(ScrollPosition.keyset());
        Window<Server> second = query.apply(first.positionAt(2));
        Window<Server> back = query.apply(((KeysetScrollPosition) second.positionAt(0)).backward());
        assertThat(back.getContent()).isEqualTo(first.getContent());
        assertThat(back.hasNext()).isFalse();
    }

    @Test
    void withoutALimitOneWindowHoldsEveryRow() {
        Window<Server> all = servers.findBy(col(Server::cores).gt(0), q -> q.scroll(ScrollPosition.keyset()));

        assertThat(all.size()).isEqualTo(17);
        assertThat(all.hasNext()).isFalse();
    }

    @Test
    void aPositionOfAnotherOrderOrNoneIsRefused() {
        Predicate west = col(Server::zone).eq("west");
        ScrollPosition byName = byPredicate(west, Sort.by("name"), 2).apply(ScrollPosition.keyset()).positionAt(1);

        assertThatThrownBy(() -> byPredicate(west, Sort.by("cores"), 2).apply(byName))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("ServerRepository.findBy: the scroll position holds the keys [name, id] but "
                        + "this query resumes from [cores, id]");
        assertThatThrownBy(() -> byPredicate(west, Sort.by("name"), 2).apply(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ServerRepository.findBy: the ScrollPosition is null; pass ScrollPosition.keyset() or "
                        + "ScrollPosition.offset() to read the first window");
    }
}
