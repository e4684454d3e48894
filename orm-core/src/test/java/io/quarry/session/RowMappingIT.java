package io.quarry.session;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows of column queries and of hand-written SQL mapped into records, classes and values: which
 * constructor takes them, what is refused and with which message, and values read through their codecs.
 */
@CrossDatabaseTest
class RowMappingIT {

    record HostPort(String hostname, int port) {
    }

    /** A class with a no-argument constructor first, so that only the parameter count picks the right one. */
    static final class HostLabel {
        final String label;

        HostLabel() {
            this("none", 0);
        }

        HostLabel(String hostname, int port) {
            this.label = hostname + ":" + port;
        }
    }

    /** Only a private constructor, which Quarry must open itself. */
    private static final class PrivateHost {
        private final String hostname;

        private PrivateHost(String hostname) {
            this.hostname = hostname;
        }
    }

    static final class OneValue {
        OneValue(String value) {
        }
    }

    private final TestDatabase db;
    private Engine engine;

    RowMappingIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createHosts() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(WalkthroughHost.class, AuditedNote.class);
        engine.createAll(WalkthroughHost.class, AuditedNote.class);
        try (Session session = engine.openSession()) {
            session.add(new WalkthroughHost("host-1", "10.0.0.1", 22));
            session.add(new WalkthroughHost("host-2", "10.0.0.2", 80));
            session.add(new WalkthroughHost("host-3", "10.0.0.3", 22));
            session.commit();
        }
    }

    @AfterEach
    void dropHosts() {
        engine.dropAll(WalkthroughHost.class, AuditedNote.class);
    }

    private Query<WalkthroughHost> hosts(Session session) {
        return session.query(WalkthroughHost.class);
    }

    @Test
    void aFilteredQuerySelectsColumnsIntoARecordInOrder() {
        try (Session session = engine.openSession()) {
            assertThat(hosts(session).filter(col("port").eq(22)).select(col("hostname"), col("port"))
                    .orderBy(asc("hostname")).into(HostPort.class))
                    .containsExactly(new HostPort("host-1", 22), new HostPort("host-3", 22));
        }
    }

    @Test
    void aRecordTakingFewerValuesThanTheQuerySelectsIsRefusedWithBothCounts() {
        try (Session session = engine.openSession()) {
            RowQuery three = hosts(session).select(col("hostname"), col("port"), col("ipAddr"));
            assertThatThrownBy(() -> three.into(HostPort.class)).isInstanceOf(QuarryException.class)
                    .hasMessage("HostPort takes 2 values but the query selects 3 columns");
        }
    }

    @Test
    void aClassIsBuiltThroughItsConstructorTakingAsManyValuesAsTheQuerySelects() {
        try (Session session = engine.openSession()) {
            assertThat(hosts(session).select(col("hostname"), col("port")).orderBy(asc("hostname"))
                    .into(HostLabel.class)).extracting(label -> label.label)
                    .containsExactly("host-1:22", "host-2:80", "host-3:22");
        }
    }

    @Test
    void aClassWithoutAConstructorForTheSelectedColumnsIsRefused() {
        try (Session session = engine.openSession()) {
            RowQuery two = hosts(session).select(col("hostname"), col("port"));
            assertThatThrownBy(() -> two.into(OneValue.class)).isInstanceOf(QuarryException.class)
                    .hasMessage("Cannot map rows into " + OneValue.class.getName()
                            + ": it needs a constructor taking the 2 selected columns in order")
                    .cause().hasMessage("constructor with 2 parameters");
        }
    }

    @Test
    void aPrivateConstructorTakesTheRowsToo() {
        try (Session session = engine.openSession()) {
            assertThat(hosts(session).select(col("hostname")).orderBy(asc("hostname")).into(PrivateHost.class))
                    .extracting(host -> host.hostname).containsExactly("host-1", "host-2", "host-3");
        }
    }

    @Test
    void aSelectWithoutColumnsIsRefused() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> hosts(session).select()).isInstanceOf(QuarryException.class)
                    .hasMessage("select(...) needs at least one column or aggregate");
        }
    }

    @Test
    void anUnknownColumnIsRefusedWhenSelectedBeforeAnythingRuns() {
        try (Session session = engine.openSession()) {
            Query<WalkthroughHost> query = hosts(session);
            assertThatThrownBy(() -> query.select(col("nope"))).isInstanceOf(QuarryException.class)
                    .hasMessageContaining("nope");
        }
    }

    @Test
    void rowsGroupedByTwoPropertiesAreOnePerPair() {
        try (Session session = engine.openSession()) {
            List<Row> rows = hosts(session).select(col("port"), col("hostname"))
                    .groupBy(WalkthroughHost::getPort, WalkthroughHost::getHostname).orderBy(asc("hostname")).all();
            assertThat(rows).extracting(row -> row.getString(1)).containsExactly("host-1", "host-2", "host-3");
            assertThat(rows).extracting(row -> row.getInt(0)).containsExactly(22, 80, 22);
        }
    }

    @Test
    void aSelectedColumnIsReadThroughItsCodec() {
        Instant created = Instant.parse("2026-01-02T03:04:05Z");
        try (Session session = engine.openSession()) {
            AuditedNote note = new AuditedNote("n");
            note.createdAt = created;
            note.modifiedAt = java.time.LocalDateTime.of(2026, 1, 2, 3, 4, 5);
            session.add(note);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            Row row = session.query(AuditedNote.class).select(col("createdAt"), col("modifiedAt")).one();
            assertThat(row.get(0)).as("on %s", db).isEqualTo(created);
            assertThat(row.get(1)).as("on %s", db).isEqualTo(java.time.LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        }
    }

    @Test
    void handWrittenSqlMapsRowsIntoARecordByPosition() {
        try (Session session = engine.openSession()) {
            assertThat(session.sqlQuery("select hostname, port from s3_host where port = :p order by hostname",
                    HostPort.class, Map.of("p", 22)))
                    .containsExactly(new HostPort("host-1", 22), new HostPort("host-3", 22));
        }
    }

    @Test
    void aNullParameterOfHandWrittenSqlIsBoundAsNull() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("h", null);
        try (Session session = engine.openSession()) {
            assertThat(session.sqlRows("select count(*) from s3_host where hostname = :h", parameters).get(0).getLong(0))
                    .isZero();
            assertThat(session.execute("update s3_host set port = 1 where hostname = :h", parameters)).isZero();
        }
    }
}
