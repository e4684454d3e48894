package io.quarry.session;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.NoResultException;
import io.quarry.NonUniqueResultException;
import io.quarry.QuarryException;
import io.quarry.sql.SqlStatement;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way of reading or writing through a session sees the changes not yet flushed (each one
 * flushes first), and the query terminals' results and messages at their edges.
 */
@CrossDatabaseTest
class QueryTerminalsIT {

    private final TestDatabase db;
    private Engine engine;

    QueryTerminalsIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(Server.class);
        engine.createAll(Server.class);
        try (Session session = engine.openSession()) {
            session.addAll(new Server("alpha", "r1", 22), new Server("beta", "r1", 80));
            session.commit();
        }
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Server.class);
    }

    /** What {@code read} answers in a session that has just added server gamma, not flushed. */
    private Object afterAddingGamma(Function<StatementSession, Object> read) {
        SessionTransaction transaction = engine.sessionFactory().openSession(engine.connections(), SessionOptions.DEFAULTS);
        try (StatementSession session = transaction.session()) {
            session.add(new Server("gamma", "r2", 443));
            return read.apply(session);
        }
    }

    private static List<String> names(Stream<Server> servers) {
        try (servers) {
            return servers.map(Server::getName).toList();
        }
    }

    private static SqlStatement byName(StatementSession session) {
        return session.query(Server.class).filterBy("name", "gamma").toSql();
    }

    @Test
    void queriesFlushPendingChangesBeforeTheyRead() {
        assertThat(afterAddingGamma(session -> session.query(Server.class).filterBy("name", "gamma").all()))
                .as("all() on %s", db).asList().hasSize(1);
        assertThat(afterAddingGamma(session -> names(session.query(Server.class).filterBy("port", 443).stream())))
                .as("stream()").isEqualTo(List.of("gamma"));
        assertThat(afterAddingGamma(session -> session.query(Server.class).filterBy("name", "gamma").exists()))
                .as("exists()").isEqualTo(true);
        assertThat(afterAddingGamma(session -> session.select(Server.class, count()).scalar(Long.class)))
                .as("a row query").isEqualTo(3L);
    }

    @Test
    void handWrittenSqlFlushesPendingChangesBeforeItRuns() {
        assertThat(afterAddingGamma(session -> session.sqlQuery("select * from s3_server where name = :name", Server.class,
                Map.of("name", "gamma")))).as("sqlQuery on %s", db).asList().hasSize(1);
        assertThat(afterAddingGamma(session -> session.sqlRows("select name from s3_server where port = :port",
                Map.of("port", 443)))).as("sqlRows").asList().hasSize(1);
        assertThat(afterAddingGamma(session -> session.execute("update s3_server set port = 8443 where name = :name",
                Map.of("name", "gamma")))).as("execute").isEqualTo(1);
    }

    @Test
    void preRenderedStatementsFlushPendingChangesBeforeTheyRun() {
        EntityModelHolder servers = new EntityModelHolder();
        assertThat(afterAddingGamma(session -> session.list(servers.model(), byName(session), new Object[0])))
                .as("list on %s", db).asList().hasSize(1);
        assertThat(afterAddingGamma(session -> session.list(byName(session), new Object[0], rows -> rows.getString(
                "name")))).as("list with a mapper").isEqualTo(List.of("gamma"));
        assertThat(afterAddingGamma(session -> names(session.stream(servers.model(), byName(session), new Object[0]))))
                .as("stream").isEqualTo(List.of("gamma"));
        assertThat(afterAddingGamma(session -> {
            try (Stream<String> names = session.stream(byName(session), new Object[0], rows -> rows.getString("name"))) {
                return names.toList();
            }
        })).as("stream with a mapper").isEqualTo(List.of("gamma"));
        assertThat(afterAddingGamma(session -> session.listByColumnLabel(servers.model(), byName(session),
                new Object[0]))).as("listByColumnLabel").asList().hasSize(1);
        assertThat(afterAddingGamma(session -> names(session.streamByColumnLabel(servers.model(), byName(session),
                new Object[0])))).as("streamByColumnLabel").isEqualTo(List.of("gamma"));
    }

    @Test
    void bulkWritesFlushPendingChangesFirst() {
        assertThat(afterAddingGamma(session -> session.query(Server.class).filterBy("name", "gamma")
                .update(io.quarry.sql.Sql.set("port", 8443)))).as("update on %s", db).isEqualTo(1);
        assertThat(afterAddingGamma(session -> session.query(Server.class).filterBy("name", "gamma").delete()))
                .as("delete").isEqualTo(1);
    }

    private final class EntityModelHolder {
        io.quarry.mapping.EntityModel<Server> model() {
            return engine.model(Server.class);
        }
    }

    @Test
    void sayWhichConditionsMatchedNothingOrTooMuch() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Server.class).filterBy("port", 1).one())
                    .isInstanceOf(NoResultException.class)
                    .hasMessageStartingWith("No Server matches ")
                    .hasMessageNotContaining("(no conditions)");
            session.query(Server.class).deleteAll();
            assertThatThrownBy(() -> session.query(Server.class).one())
                    .isInstanceOf(NoResultException.class)
                    .hasMessage("No Server matches (no conditions)");
        }
    }

    @Test
    void filterByTakesPropertyValuePairs() {
        try (Session session = engine.openSession()) {
            assertThat(session.query(Server.class).filterBy("rack", "r1", "port", 80).all())
                    .extracting(Server::getName).containsExactly("beta");
            assertThatThrownBy(() -> session.query(Server.class).filterBy("rack", "r1", "port"))
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("filterBy takes property/value pairs; got an odd number of arguments");
            assertThatThrownBy(() -> session.query(Server.class).filterBy("rack", "r1", 80, "port"))
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("filterBy: argument 3 must be a property name, got 80");
        }
    }

    @Test
    void anOrderByAnUnknownPropertyIsRefusedWhenTheQueryIsBuilt() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Server.class).orderBy(asc("colour")))
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("colour");
        }
    }

    @Test
    void aQueryShowsItsStatement() {
        try (Session session = engine.openSession()) {
            Query<Server> query = session.query(Server.class).filterBy("name", "alpha");

            assertThat(query.statement().where()).hasSize(1);
            assertThat(query).hasToString(query.toSql().toString());
            assertThat(query.toString()).contains("from s3_server");
            RowQuery names = session.select(Server.class, col("name")).orderBy(asc("name"));
            assertThat(names).hasToString(names.toSql().toString());
            assertThat(names.toString()).contains("select name from s3_server");
        }
    }

    @Test
    void rowQueriesReadTheFirstRowOneRowOrAPage() {
        try (Session session = engine.openSession()) {
            RowQuery names = session.select(Server.class, col("name")).orderBy(asc("name"));

            assertThat(names.first().getString(0)).isEqualTo("alpha");
            assertThat(names.offset(1).limit(5).list(String.class)).containsExactly("beta");
            assertThat(names.filter(col("port").eq(1)).first()).isNull();
            assertThatThrownBy(names::one)
                    .isInstanceOf(NonUniqueResultException.class)
                    .hasMessageStartingWith("The query returned more than one row: ");
            assertThatThrownBy(() -> names.filter(col("port").eq(1)).one())
                    .isInstanceOf(NoResultException.class)
                    .hasMessageStartingWith("The query returned no row: ");
            assertThat(session.select(Server.class, col("rack"), count()).groupBy(col("rack")).all())
                    .singleElement().satisfies(row -> assertThat(row.getLong(1)).isEqualTo(2L));
        }
    }
}
