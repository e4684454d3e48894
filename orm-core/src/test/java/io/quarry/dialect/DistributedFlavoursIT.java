package io.quarry.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.GenerationType;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The distributed-engine flavours run what they change on the real servers here: the SQL they write
 * differently is valid on PostgreSQL and MySQL/MariaDB too, so each flavour's statements are executed, not
 * only rendered. Detection of a flavour from a live connection is checked to leave the plain servers alone.
 */
@CrossDatabaseTest
class DistributedFlavoursIT {

    private final TestDatabase db;
    private Engine engine;

    DistributedFlavoursIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        if (engine != null) {
            engine.dropAll(FlavourTicket.class, FlavourSetting.class);
        }
    }

    @Test
    void detectionFromALiveConnectionKeepsThePlainServersPlain() throws Exception {
        try (Connection connection = db.dataSource().getConnection()) {
            Dialect detected = Dialects.detect(connection.getMetaData());

            assertThat(detected.name()).as("on %s", db).isIn("h2", "mysql", "mariadb", "postgresql");
        }
    }

    @Test
    void readsTheServersStartupParametersThroughThePoolsProxyOnPostgres() throws Exception {
        assumeTrue(db.name().equals("postgresql"), "PostgreSQL only");
        try (Connection connection = db.dataSource().getConnection()) {
            // a PostgreSQL server always reports server_version; only CockroachDB reports crdb_version
            assertThat(Dialects.parameterStatus(connection, "server_version")).isNotBlank();
            assertThat(Dialects.parameterStatus(connection, "crdb_version")).isNull();
        }
    }

    @Test
    void cachedSequencesOfTheDistributedFlavoursHandOutIdsOnPostgres() throws Exception {
        assumeTrue(db.name().equals("postgresql"), "PostgreSQL only");
        engine = Engine.builder(db.dataSource()).dialect(new PostgresDialect(PostgresDialect.Flavour.COCKROACHDB))
                .build();
        engine.dropAll(FlavourTicket.class);
        engine.createAll(FlavourTicket.class);

        List<FlavourTicket> tickets = List.of(new FlavourTicket("a"), new FlavourTicket("b"), new FlavourTicket("c"));
        try (Session session = engine.openSession()) {
            tickets.forEach(session::add);
            session.commit();
        }

        assertThat(tickets).extracting(t -> t.id).doesNotContainNull().doesNotHaveDuplicates();
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select cache_size from pg_sequences where sequencename = 'df_ticket_seq'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(PostgresDialect.DISTRIBUTED_SEQUENCE_CACHE);
        }
    }

    @Test
    void theValuesUpsertOfTiDbAndVitessInsertsAndUpdatesOnMySqlAndMariaDb() {
        assumeTrue(db.name().equals("mysql"), "MySQL and MariaDB only");
        for (MySqlDialect.Flavour flavour : List.of(MySqlDialect.Flavour.TIDB, MySqlDialect.Flavour.VITESS)) {
            engine = Engine.builder(db.dataSource()).dialect(new MySqlDialect(flavour)).build();
            engine.dropAll(FlavourSetting.class);
            engine.createAll(FlavourSetting.class);

            try (Session session = engine.openSession()) {
                assertThat(session.upsertAll(List.of(new FlavourSetting(1L, "old"), new FlavourSetting(2L, "two"))))
                        .as("%s inserts", flavour).isPositive();
                session.upsertAll(List.of(new FlavourSetting(1L, "new")));
                session.commit();
            }
            try (Session session = engine.openSession()) {
                assertThat(session.get(FlavourSetting.class, 1L).value).as("%s updates", flavour).isEqualTo("new");
                assertThat(session.get(FlavourSetting.class, 2L).value).isEqualTo("two");
            }
        }
    }

    @Entity
    @Table(name = "df_ticket")
    static class FlavourTicket {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
        String subject;

        FlavourTicket() {
        }

        FlavourTicket(String subject) {
            this.subject = subject;
        }
    }

    @Entity
    @Table(name = "df_setting")
    static class FlavourSetting {
        @Id Long id;
        String value;

        FlavourSetting() {
        }

        FlavourSetting(Long id, String value) {
            this.id = id;
            this.value = value;
        }
    }
}
