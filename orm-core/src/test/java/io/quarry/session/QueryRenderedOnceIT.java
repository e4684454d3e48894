package io.quarry.session;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.sql.RenderedSelects;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queries built with the session API are rendered once per shape for the engine and bound afterwards: a
 * query run again with other values finds the other rows without being rendered, and queries whose SQL
 * differs (IN-list sizes, IS NULL, limits, locks, counts) each get their own text, on every database.
 */
@CrossDatabaseTest
class QueryRenderedOnceIT {

    private final TestDatabase db;
    private final RecordedStatements statements = new RecordedStatements();
    private Engine engine;

    QueryRenderedOnceIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createServers() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(Server.class);
        engine.createAll(Server.class);
        try (Session session = engine.openSession()) {
            for (int i = 1; i <= 6; i++) {
                session.add(new Server("job-" + i, i % 3 == 0 ? null : i % 3 == 1 ? "a" : "b", i));
            }
            session.commit();
        }
        engine.addStatementListener(statements);
    }

    @AfterEach
    void dropServers() {
        engine.removeStatementListener(statements);
        engine.dropAll(Server.class);
    }

    private RenderedSelects selects() {
        return engine.statements().selects();
    }

    private static List<String> names(List<Server> servers) {
        return servers.stream().map(Server::getName).toList();
    }

    @Test
    void aQueryRunAgainWithOtherValuesIsBoundNotRenderedAndFindsTheOtherRows() {
        Function<Session, List<Server>> ofRackA = session -> session.query(Server.class)
                .filter(col(Server::getName).in("job-1", "job-4", "job-2"), col("rack").eq("a"))
                .orderBy(asc("id")).all();
        Function<Session, List<Server>> ofRackB = session -> session.query(Server.class)
                .filter(col(Server::getName).in("job-2", "job-5", "job-1"), col("rack").eq("b"))
                .orderBy(asc("id")).all();
        try (Session session = engine.openSession()) {
            assertThat(names(ofRackA.apply(session))).containsExactly("job-1", "job-4");
            long renders = selects().renders();

            assertThat(names(ofRackB.apply(session))).as("on %s", db).containsExactly("job-2", "job-5");
            assertThat(names(ofRackA.apply(session))).containsExactly("job-1", "job-4");

            assertThat(selects().renders()).as("renderings after the first run").isEqualTo(renders);
            List<String> texts = statements.take();
            assertThat(texts).hasSize(3).containsOnly(texts.get(0));
        }
    }

    @Test
    void queriesWhoseSqlDiffersGetTextsOfTheirOwnAndTheirOwnRows() {
        try (Session session = engine.openSession()) {
            for (int round = 0; round < 2; round++) {
                Query<Server> byId = session.query(Server.class).orderBy(asc("id"));
                assertThat(names(byId.filter(col("name").in("job-1")).all())).containsExactly("job-1");
                assertThat(names(byId.filter(col("name").in("job-1", "job-2")).all())).containsExactly("job-1", "job-2");
                assertThat(names(byId.filter(col("name").in(List.of())).all())).isEmpty();
                assertThat(names(byId.filterBy("rack", null).all())).as("on %s", db).containsExactly("job-3", "job-6");
                assertThat(names(byId.filterBy("rack", "a").all())).containsExactly("job-1", "job-4");
                assertThat(names(byId.filter(col("rack").ne(null)).limit(3).all())).containsExactly("job-1", "job-2", "job-4");
                assertThat(names(byId.offset(4).all())).containsExactly("job-5", "job-6");
                assertThat(byId.filterBy("rack", "b").count()).isEqualTo(2);
                assertThat(byId.filterBy("rack", "b").limit(1).count()).isEqualTo(1);
                assertThat(byId.filterBy("rack", "c").exists()).isFalse();
                assertThat(byId.page(1, 4).content()).extracting(Server::getName).containsExactly("job-5", "job-6");
            }
            List<String> texts = statements.take();
            int perRound = texts.size() / 2;
            assertThat(texts.subList(perRound, texts.size())).as("the second round's texts").isEqualTo(
                    texts.subList(0, perRound));
            assertThat(texts.subList(0, perRound)).as("one text per shape").doesNotHaveDuplicates();
        }
    }

    @Test
    void lockedQueriesKeepTheirLockClauseApart() {
        try (Session session = engine.openSession()) {
            for (int round = 0; round < 2; round++) {
                Query<Server> rackA = session.query(Server.class).filter(col("rack").eq("a")).orderBy(asc("id"));
                assertThat(names(rackA.forUpdate().all())).containsExactly("job-1", "job-4");
                assertThat(names(rackA.forShare().all())).containsExactly("job-1", "job-4");
                assertThat(names(rackA.all())).containsExactly("job-1", "job-4");
                session.rollback();
            }
            List<String> texts = statements.take();
            assertThat(texts).hasSize(6);
            assertThat(texts.subList(3, 6)).isEqualTo(texts.subList(0, 3));
            assertThat(texts.get(2)).as("on %s", db).doesNotContainIgnoringCase(" for ").doesNotContainIgnoringCase("lock");
        }
    }

    @Test
    void rowQueriesAreBoundAfterTheirFirstRun() {
        try (Session session = engine.openSession()) {
            List<Row> first = session.select(Server.class, col("rack"), count()).filter(col("port").gt(1)).groupBy(col("rack"))
                    .orderBy(asc("rack")).all();
            long renders = selects().renders();
            List<Row> second = session.select(Server.class, col("rack"), count()).filter(col("port").gt(4)).groupBy(col("rack"))
                    .orderBy(asc("rack")).all();

            assertThat(selects().renders()).isEqualTo(renders);
            assertThat(first).extracting(row -> row.get(0, String.class) + "=" + row.get(1, Long.class)).as("on %s", db)
                    .containsExactlyInAnyOrder("a=1", "b=2", "null=2");
            assertThat(second).extracting(row -> row.get(0, String.class) + "=" + row.get(1, Long.class))
                    .containsExactlyInAnyOrder("b=1", "null=1");
        }
    }
}
