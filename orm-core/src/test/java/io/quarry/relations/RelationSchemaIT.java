package io.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.OnDelete;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema of related tables: creation order, named foreign keys with indexes, join tables, cycles, drops. */
@CrossDatabaseTest
class RelationSchemaIT {

    @Entity
    @Table(name = "rl_left")
    static class Left {
        @Id Long id;
        @ManyToOne Right partner;
    }

    @Entity
    @Table(name = "rl_right")
    static class Right {
        @Id Long id;
        @ManyToOne(onDelete = OnDelete.SET_NULL) Left partner;
    }

    private final TestDatabase db;
    private final Engine engine;

    RelationSchemaIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    @BeforeEach
    @AfterEach
    void noTables() {
        engine.dropAll(Host.class, Datacenter.class, Tag.class, Left.class, Right.class);
    }

    @Test
    void createAllCreatesTheRelatedTablesReferencedOnesFirstThenTheJoinTable() {
        List<String> created = engine.createAll(Host.class);

        assertThat(created).as("on %s", db).containsExactly("rl_datacenter", "rl_host", "rl_tag", "rl_host_tag");
        assertThat(engine.createAll(Host.class, Datacenter.class, Tag.class)).as("again on %s", db).isEmpty();
    }

    @Test
    void everyReferenceGetsANamedForeignKeyAndAnIndex() throws SQLException {
        engine.createAll(Host.class);

        assertThat(foreignKeys("rl_host")).as("on %s", db).containsExactlyInAnyOrder(
                "fk_rl_host_datacenter_id: datacenter_id -> rl_datacenter.id",
                "fk_rl_host_replica_of: replica_of -> rl_host.id");
        assertThat(foreignKeys("rl_host_tag")).as("on %s", db).containsExactlyInAnyOrder(
                "fk_rl_host_tag_host_id: host_id -> rl_host.id on delete cascade",
                "fk_rl_host_tag_tag_id: tag_id -> rl_tag.id on delete cascade");
        assertThat(indexes("rl_host")).as("on %s", db).contains("ix_rl_host_datacenter_id", "ix_rl_host_replica_of");
        assertThat(indexes("rl_host_tag")).as("on %s", db).contains("ix_rl_host_tag_tag_id");
    }

    @Test
    void theDatabaseRefusesAKeyToAMissingRow() {
        engine.createAll(Host.class);

        assertThatThrownBy(() -> execute("insert into rl_host (hostname, datacenter_id) values ('web-1', 42)"))
                .as("on %s", db)
                .isInstanceOf(SQLException.class);
    }

    @Test
    void tablesThatReferToEachOtherAreCreatedAndDroppedInEitherOrder() throws SQLException {
        assertThat(engine.createAll(Left.class)).as("on %s", db).containsExactlyInAnyOrder("rl_left", "rl_right");
        assertThat(foreignKeys("rl_left")).as("on %s", db).containsExactly(
                "fk_rl_left_partner_id: partner_id -> rl_right.id");
        assertThat(foreignKeys("rl_right")).as("on %s", db).containsExactly(
                "fk_rl_right_partner_id: partner_id -> rl_left.id on delete set null");

        engine.dropAll(Right.class, Left.class);

        assertThat(tables()).as("on %s", db).doesNotContain("rl_left", "rl_right");
    }

    @Test
    void dropAllDropsTheJoinTablesAndSelfReferencingTables() throws SQLException {
        engine.createAll(Host.class);
        execute("insert into rl_host (id, hostname) values (1, 'primary')");
        execute("insert into rl_host (id, hostname, replica_of) values (2, 'replica', 1)");

        engine.dropAll(Datacenter.class, Tag.class, Host.class);

        assertThat(tables()).as("on %s", db).doesNotContain("rl_datacenter", "rl_tag", "rl_host", "rl_host_tag");
    }

    @Test
    void theScriptAddsForeignKeysAfterEveryTable() {
        List<String> script = engine.ddl(Host.class);

        int lastCreate = -1;
        int firstForeignKey = Integer.MAX_VALUE;
        for (int i = 0; i < script.size(); i++) {
            String statement = script.get(i).toLowerCase(Locale.ROOT);
            if (statement.startsWith("create table")) {
                lastCreate = i;
            }
            if (statement.contains("foreign key")) {
                firstForeignKey = Math.min(firstForeignKey, i);
            }
        }
        assertThat(lastCreate).as("on %s: %s", db, script).isLessThan(firstForeignKey);
        assertThat(script.stream().filter(s -> s.contains("foreign key"))).hasSize(4);
    }

    private List<String> foreignKeys(String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet rs = metadata.getImportedKeys(connection.getCatalog(),
                    engine.dialect().metadataSchema(connection), engine.dialect().storedName(table))) {
                while (rs.next()) {
                    String rule = switch (rs.getShort("DELETE_RULE")) {
                        case DatabaseMetaData.importedKeyCascade -> " on delete cascade";
                        case DatabaseMetaData.importedKeySetNull -> " on delete set null";
                        default -> "";
                    };
                    keys.add((rs.getString("FK_NAME") + ": " + rs.getString("FKCOLUMN_NAME") + " -> "
                            + rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME")).toLowerCase(Locale.ROOT)
                            + rule);
                }
            }
        }
        return keys;
    }

    private List<String> indexes(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet rs = metadata.getIndexInfo(connection.getCatalog(), engine.dialect().metadataSchema(connection),
                    engine.dialect().storedName(table), false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        names.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection()) {
            try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(),
                    engine.dialect().metadataSchema(connection), "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
