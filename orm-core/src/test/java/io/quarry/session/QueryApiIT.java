package io.quarry.session;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static io.quarry.sql.Sql.max;
import static io.quarry.sql.Sql.set;
import static io.quarry.sql.Sql.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import io.quarry.NoResultException;
import io.quarry.NonUniqueResultException;
import io.quarry.SessionStateException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query API's terminal methods, raw SQL, records and read-only sessions. */
@CrossDatabaseTest
class QueryApiIT {

    private final TestDatabase db;
    private Engine engine;

    QueryApiIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(WalkthroughHost.class, Gadget.class);
        engine.createAll(WalkthroughHost.class, Gadget.class);
        try (Session session = engine.openSession()) {
            for (int i = 1; i <= 25; i++) {
                session.add(new WalkthroughHost("host-" + (i < 10 ? "0" : "") + i, "10.1.0." + i, i % 2 == 0 ? 22 : 80));
            }
            session.commit();
        }
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(WalkthroughHost.class, Gadget.class);
    }

    @Test
    void oneFirstAndOneOrNullTellNoneFromMany() {
        try (Session session = engine.openSession()) {
            Query<WalkthroughHost> hosts = session.query(WalkthroughHost.class);
            assertThat(hosts.filterBy("hostname", "host-03").one().ipAddr).isEqualTo("10.1.0.3");
            assertThat(hosts.filterBy("hostname", "nope").first()).isNull();
            assertThat(hosts.filterBy("hostname", "nope").oneOrNull()).isNull();
            assertThatThrownBy(() -> hosts.filterBy("hostname", "nope").one()).isInstanceOf(NoResultException.class)
                    .hasMessageContaining("No WalkthroughHost matches");
            assertThatThrownBy(() -> hosts.filterBy("port", 22).oneOrNull())
                    .isInstanceOf(NonUniqueResultException.class)
                    .hasMessageContaining("More than one WalkthroughHost matches");
            assertThat(hosts.orderBy(asc("hostname")).first().hostname).as("on %s", db).isEqualTo("host-01");
        }
    }

    @Test
    void existsCountAndPages() {
        try (Session session = engine.openSession()) {
            Query<WalkthroughHost> byHostname = session.query(WalkthroughHost.class).orderBy(asc("hostname"));
            assertThat(byHostname.filterBy("port", 80).exists()).isTrue();
            assertThat(byHostname.filterBy("port", 443).exists()).isFalse();
            assertThat(byHostname.distinct().count()).as("on %s", db).isEqualTo(25);
            assertThat(byHostname.limit(5).count()).as("count respects limit on %s", db).isEqualTo(5);
            PageResult<WalkthroughHost> page = byHostname.page(2, 10);
            assertThat(page.content()).extracting(h -> h.hostname).containsExactly("host-21", "host-22", "host-23",
                    "host-24", "host-25");
            assertThat(page.totalElements()).isEqualTo(25);
            assertThat(page.totalPages()).isEqualTo(3);
            assertThat(page.hasNext()).isFalse();
            assertThat(byHostname.page(0, 10).hasNext()).isTrue();
        }
    }

    @Test
    void aggregatesReturnTypedRows() {
        try (Session session = engine.openSession()) {
            Row totals = session.select(WalkthroughHost.class, count(), sum(col("port")), max(col("hostname"))).one();
            assertThat(totals.getLong(0)).as("on %s", db).isEqualTo(25L);
            assertThat(totals.getLong(1)).isEqualTo(12 * 22 + 13 * 80L);
            assertThat(totals.getString(2)).isEqualTo("host-25");
            assertThat(session.select(WalkthroughHost.class, count()).filter(col("port").eq(22)).scalar(Long.class))
                    .isEqualTo(12L);
            assertThat(session.select(WalkthroughHost::getPort).distinct().orderBy(asc("port")).list(Integer.class))
                    .containsExactly(22, 80);
        }
    }

    @Test
    void toSqlShowsTheStatementAndItsBoundValues() {
        try (Session session = engine.openSession()) {
            String sql = session.query(WalkthroughHost.class).filter(col("port").gt(1000)).toSql().toString();
            assertThat(sql).isEqualTo("select id, hostname, ip_addr, port from s3_host where port > ? [1000]");
        }
    }

    @Test
    void unknownPropertiesAreRejectedWithTheClosestName() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(WalkthroughHost.class).filter(col("hostnme").eq("x")))
                    .isInstanceOf(MappingException.class)
                    .hasMessage("No property 'hostnme' in entity WalkthroughHost; did you mean 'hostname'?");
            assertThatThrownBy(() -> session.query(WalkthroughHost.class).filterBy("port; drop table s3_host", 1))
                    .isInstanceOf(MappingException.class);
        }
    }

    @Test
    void bulkUpdateKeepsHeldObjectsInStep() {
        try (Session session = engine.openSession()) {
            WalkthroughHost first = session.query(WalkthroughHost.class).filterBy("hostname", "host-01").one();
            int changed = session.query(WalkthroughHost.class).filter(col("port").eq(80))
                    .update(set("port", col(WalkthroughHost::getPort).plus(8000)));
            assertThat(changed).as("on %s", db).isEqualTo(13);
            assertThat(first.port).isEqualTo(8080);
            assertThatThrownBy(() -> session.query(WalkthroughHost.class).update(set("port", 1)))
                    .hasMessageContaining("call updateAll(...) if that is what you mean");
        }
    }

    @Test
    void rawSqlBindsNamedParametersAndMapsEntities() {
        try (Session session = engine.openSession()) {
            List<WalkthroughHost> hosts = session.sqlQuery(
                    "select * from s3_host where hostname like :pattern and port = :port order by hostname",
                    WalkthroughHost.class, Map.of("pattern", "host-1%", "port", 22));
            assertThat(hosts).as("on %s", db).extracting(h -> h.hostname)
                    .containsExactly("host-10", "host-12", "host-14", "host-16", "host-18");
            assertThat(hosts.get(0)).isSameAs(session.get(WalkthroughHost.class, hosts.get(0).id));
            assertThat(session.execute("update s3_host set port = :port where hostname = :name",
                    Map.of("port", 2222, "name", "host-01"))).isEqualTo(1);
            List<Row> rows = session.sqlRows("select hostname, port from s3_host where port = :port", Map.of("port", 2222));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).get("hostname")).isEqualTo("host-01");
            assertThat(session.sqlQuery("select hostname from s3_host where port = :p", String.class, Map.of("p", 2222)))
                    .containsExactly("host-01");
            assertThatThrownBy(() -> session.sqlQuery("select * from s3_host where port = :port", WalkthroughHost.class,
                    Map.of())).hasMessageContaining("needs parameter :port");
        }
    }

    @Test
    void recordsMapWithGeneratedUuids() {
        try (Session session = engine.openSession()) {
            Gadget added = session.add(new Gadget(null, "lamp", 3));
            assertThat(added.id()).isNotNull();
            session.commit();
            Gadget loaded = session.get(Gadget.class, added.id());
            assertThat(loaded).isEqualTo(added);
            session.merge(new Gadget(added.id(), "lamp", 4));
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Gadget.class).one().weight()).as("on %s", db).isEqualTo(4);
        }
    }

    @Test
    void readOnlySessionsRefuseWritesAndKeepNoSnapshots() {
        try (Session session = engine.sessionFactory().withOptions(SessionOptions.DEFAULTS.withReadOnly(true)).openSession()) {
            WalkthroughHost host = session.query(WalkthroughHost.class).filterBy("hostname", "host-01").one();
            host.port = 1;
            assertThat(session.isDirty()).isFalse();
            session.commit();
            assertThatThrownBy(() -> session.add(new WalkthroughHost("x", "y")))
                    .isInstanceOf(SessionStateException.class).hasMessageContaining("read-only session");
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(WalkthroughHost.class).filterBy("hostname", "host-01").one().port).isEqualTo(80);
        }
    }

    @Test
    void readOnlySessionsRefuseBulkUpdatesAndDeletesBeforeAnyStatement() {
        try (Session session = engine.sessionFactory().withOptions(SessionOptions.DEFAULTS.withReadOnly(true)).openSession()) {
            Query<WalkthroughHost> port22 = session.query(WalkthroughHost.class).filter(col("port").eq(22));
            assertThatThrownBy(() -> port22.update(set(WalkthroughHost::getPort, 1)))
                    .isInstanceOf(SessionStateException.class)
                    .hasMessage("Cannot update in a read-only session; open a read-write session");
            assertThatThrownBy(port22::delete).isInstanceOf(SessionStateException.class)
                    .hasMessage("Cannot delete in a read-only session; open a read-write session");
            assertThatThrownBy(port22::hardDelete).isInstanceOf(SessionStateException.class)
                    .hasMessage("Cannot delete in a read-only session; open a read-write session");
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(WalkthroughHost.class).filter(col("port").eq(22)).count()).isEqualTo(12);
        }
    }

    @Test
    void sessionsWithoutAnIdentityMapBuildNewObjectsAndHoldNone() {
        SessionOptions untracked = SessionOptions.DEFAULTS.withReadOnly(true).withIdentityMap(false);
        try (Session session = engine.sessionFactory().withOptions(untracked).openSession()) {
            WalkthroughHost first = session.query(WalkthroughHost.class).filterBy("hostname", "host-01").one();
            WalkthroughHost again = session.get(WalkthroughHost.class, first.id);
            assertThat(again).isNotSameAs(first).usingRecursiveComparison().isEqualTo(first);
            assertThat(session.contains(first)).isFalse();
            assertThat(session.stateOf(first)).isEqualTo(ObjectState.DETACHED);
            assertThat(session.query(WalkthroughHost.class).all()).hasSize(25).noneMatch(host -> host == first || host == again);
        }
    }

    @Test
    void anIdentityMapCanOnlyBeLeftOutOfReadOnlySessions() {
        assertThatThrownBy(() -> SessionOptions.DEFAULTS.withIdentityMap(false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be read-only");
        SessionOptions untracked = SessionOptions.DEFAULTS.withReadOnly(true).withIdentityMap(false);
        assertThat(untracked.withReadOnly(false).identityMap()).isTrue();
        assertThat(new SessionOptions(true, false, false)).isEqualTo(SessionOptions.DEFAULTS);
    }

    @Test
    void refreshDiscardsUnflushedChangesAndClosedSessionsRefuseWork() {
        Session session = engine.openSession();
        WalkthroughHost host = session.query(WalkthroughHost.class).filterBy("hostname", "host-02").one();
        host.port = 1;
        session.refresh(host);
        assertThat(host.port).isEqualTo(22);
        session.expunge(host);
        assertThat(session.stateOf(host)).isEqualTo(ObjectState.DETACHED);
        session.close();
        assertThatThrownBy(() -> session.query(WalkthroughHost.class)).isInstanceOf(SessionStateException.class)
                .hasMessageContaining("closed");
    }
}
