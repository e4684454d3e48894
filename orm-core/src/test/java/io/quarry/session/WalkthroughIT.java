package io.quarry.session;

import static io.quarry.sql.Sql.and;
import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static io.quarry.sql.Sql.desc;
import static io.quarry.sql.Sql.not;
import static io.quarry.sql.Sql.or;
import static io.quarry.sql.Sql.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's hosts walkthrough, step by step, as a plain Java program would run it. */
@CrossDatabaseTest
class WalkthroughIT {

    private final TestDatabase db;
    private Engine engine;

    WalkthroughIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(WalkthroughHost.class);
        assertThat(engine.createAll(WalkthroughHost.class)).containsExactly("s3_host");
        try (Session session = engine.openSession()) {
            session.addAll(new WalkthroughHost("web-1", "10.0.0.1"), new WalkthroughHost("web-2", "10.0.0.2", 2222),
                    new WalkthroughHost("db-1", "10.0.1.1", 5432), new WalkthroughHost("db-2", "10.0.1.2", 5432));
            session.commit();
        }
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(WalkthroughHost.class);
    }

    @Test
    void committedHostsGetIdsAndAreReadBackInANewSession() {
        try (Session session = engine.openSession()) {
            List<WalkthroughHost> hosts = session.query(WalkthroughHost.class).orderBy(asc(WalkthroughHost::getId)).all();
            assertThat(hosts).as("on %s", db).extracting(h -> h.hostname).containsExactly("web-1", "web-2", "db-1", "db-2");
            assertThat(hosts).allSatisfy(h -> assertThat(h.id).isNotNull());
            assertThat(hosts.get(0).port).as("default port").isEqualTo(22);
        }
    }

    @Test
    void rolledBackInsertIsGone() {
        try (Session session = engine.openSession()) {
            WalkthroughHost temporary = session.add(new WalkthroughHost("tmp-1", "10.9.9.9"));
            assertThat(session.query(WalkthroughHost.class).count()).as("autoflush shows the pending host on %s", db)
                    .isEqualTo(5);
            session.rollback();
            assertThat(session.query(WalkthroughHost.class).count()).as("on %s", db).isEqualTo(4);
            assertThat(session.stateOf(temporary)).isEqualTo(ObjectState.TRANSIENT);
            assertThat(temporary.id).as("generated id is reset").isNull();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(WalkthroughHost.class).filterBy("hostname", "tmp-1").first()).as("on %s", db).isNull();
        }
    }

    @Test
    void filtersSelectTheRightHosts() {
        try (Session session = engine.openSession()) {
            assertThat(names(session.query(WalkthroughHost.class).filter(col(WalkthroughHost::getHostname).eq("web-1"))))
                    .as("== on %s", db).containsExactly("web-1");
            assertThat(names(session.query(WalkthroughHost.class).filter(col(WalkthroughHost::getPort).ne(5432))))
                    .as("!= on %s", db).containsExactly("web-1", "web-2");
            assertThat(names(session.query(WalkthroughHost.class).filter(col("hostname").in("db-1", "web-2"))))
                    .as("in on %s", db).containsExactly("web-2", "db-1");
            assertThat(names(session.query(WalkthroughHost.class).filter(col("hostname").notIn("db-1", "web-2"))))
                    .as("not in on %s", db).containsExactly("web-1", "db-2");
            assertThat(names(session.query(WalkthroughHost.class).filter(col("ipAddr").like("10.0.1.%"))))
                    .as("like on %s", db).containsExactly("db-1", "db-2");
            assertThat(names(session.query(WalkthroughHost.class)
                    .filter(and(col("port").eq(5432), col("hostname").endsWith("-2")))))
                    .as("and on %s", db).containsExactly("db-2");
            assertThat(names(session.query(WalkthroughHost.class)
                    .filter(or(col("port").eq(22), col("hostname").eq("db-2")))))
                    .as("or on %s", db).containsExactly("web-1", "db-2");
            assertThat(names(session.query(WalkthroughHost.class).filter(not(col("hostname").startsWith("db")))))
                    .as("not on %s", db).containsExactly("web-1", "web-2");
            assertThat(names(session.query(WalkthroughHost.class).filterBy("port", 5432, "hostname", "db-1")))
                    .as("filterBy on %s", db).containsExactly("db-1");
        }
    }

    @Test
    void countsGroupsAndOrders() {
        try (Session session = engine.openSession()) {
            assertThat(session.query(WalkthroughHost.class).filter(col("port").eq(5432)).count()).as("on %s", db)
                    .isEqualTo(2);
            List<PortCount> byPort = session.select(WalkthroughHost::getPort, count())
                    .groupBy(WalkthroughHost::getPort).orderBy(asc(WalkthroughHost::getPort)).into(PortCount.class);
            assertThat(byPort).as("group by on %s", db)
                    .containsExactly(new PortCount(22, 1), new PortCount(2222, 1), new PortCount(5432, 2));
            List<Row> crowded = session.select(WalkthroughHost::getPort, count()).groupBy(WalkthroughHost::getPort)
                    .having(count().gt(1L)).all();
            assertThat(crowded).as("having on %s", db).hasSize(1);
            assertThat(crowded.get(0).getInt(0)).isEqualTo(5432);
            assertThat(crowded.get(0).getLong(1)).isEqualTo(2L);
            assertThat(names(session.query(WalkthroughHost.class).orderBy(desc(WalkthroughHost::getHostname))))
                    .as("order by on %s", db).containsExactly("web-2", "web-1", "db-2", "db-1");
            assertThat(names(session.query(WalkthroughHost.class).orderBy(desc("port"), asc("hostname")).limit(2).offset(1)))
                    .as("limit/offset on %s", db).containsExactly("db-2", "web-2");
        }
    }

    @Test
    void updatesByDirtyObjectAndInBulk() {
        try (Session session = engine.openSession()) {
            WalkthroughHost web1 = session.query(WalkthroughHost.class).filterBy("hostname", "web-1").one();
            web1.port = 8022;
            session.commit();
            int changed = session.query(WalkthroughHost.class).filter(col(WalkthroughHost::getPort).eq(5432))
                    .update(set(WalkthroughHost::getPort, 6432));
            assertThat(changed).as("on %s", db).isEqualTo(2);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(WalkthroughHost.class).filterBy("hostname", "web-1").one().port).as("on %s", db)
                    .isEqualTo(8022);
            assertThat(session.query(WalkthroughHost.class).filter(col("port").eq(6432)).count()).as("on %s", db)
                    .isEqualTo(2);
        }
    }

    @Test
    void deletesByObjectAndInBulk() {
        try (Session session = engine.openSession()) {
            session.delete(session.query(WalkthroughHost.class).filterBy("hostname", "web-1").one());
            session.commit();
            assertThat(session.query(WalkthroughHost.class).filter(col("hostname").startsWith("db-")).delete())
                    .as("on %s", db).isEqualTo(2);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(names(session.query(WalkthroughHost.class))).as("on %s", db).containsExactly("web-2");
        }
    }

    record PortCount(int port, long hosts) {
    }

    private static List<String> names(Query<WalkthroughHost> query) {
        return query.orderBy(asc(WalkthroughHost::getId)).all().stream().map(h -> h.hostname).toList();
    }
}
