package io.quarry.relations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows that refer to rows that are not there (the tables are created without their foreign keys):
 * loading the reference, with its own statement or through the query's join, fails naming the row,
 * the missing key and the column; a relation whose table is missing fails naming the load.
 */
@CrossDatabaseTest
class DanglingReferenceIT {

    /** A record that refers to a datacenter: it is built only once its reference is loaded. */
    @Entity
    @Table(name = "dg_machine")
    record Machine(@Id Long id, String hostname, @ManyToOne Datacenter datacenter) {
    }

    private final TestDatabase db;
    private final Engine engine;

    DanglingReferenceIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    /** The tables of hosts, datacenters, tags and machines, without foreign keys and without rl_host_tag. */
    @BeforeEach
    void createTables() throws SQLException {
        dropTables();
        for (String statement : engine.ddl(Host.class, Machine.class)) {
            String lower = statement.toLowerCase(Locale.ROOT);
            if (!lower.contains("foreign key") && !lower.contains("rl_host_tag")) {
                execute(statement);
            }
        }
        execute("insert into rl_datacenter (id, name, region) values (1, 'fra-1', 'eu')");
        execute("insert into rl_host (id, hostname, datacenter_id) values (7, 'a', 1)");
        execute("insert into rl_host (id, hostname, datacenter_id) values (8, 'b', 99)");
        execute("insert into dg_machine (id, hostname, datacenter_id) values (5, 'm', 98)");
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Host.class, Datacenter.class, Tag.class, Machine.class);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void aHostWhoseDatacenterIsMissingFailsNamingTheHostTheKeyAndTheColumn() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Host.class).all())
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("Host 8 refers to Datacenter 99 (column datacenter_id), which does not exist; add a "
                            + "foreign-key constraint (createAll adds one) or repair the row");
        }
    }

    @Test
    void aJoinedDatacenterThatIsMissingFailsNamingTheHostTheKeyAndTheColumn() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Host.class).withJoined("datacenter").all())
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("Host 8 refers to Datacenter 99 (column datacenter_id), which does not exist; add a "
                            + "foreign-key constraint (createAll adds one) or repair the row");
        }
    }

    @Test
    void aRecordWhoseJoinedDatacenterIsMissingFailsNamingTheRecordsId() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Machine.class).withJoined("datacenter").all())
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("Machine 5 refers to Datacenter 98 (column datacenter_id), which does not exist; add a "
                            + "foreign-key constraint (createAll adds one) or repair the row");
        }
    }

    @Test
    void aCollectionWhoseJoinTableIsMissingFailsNamingTheLoad() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Host.class).filterBy("hostname", "a").with("tags").all())
                    .isInstanceOf(QuarryException.class)
                    .hasMessageStartingWith("load Host.tags; SQL [select ");
        }
    }
}
