package io.quarry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToMany;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.sql.SchemaDdl;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code ddl-auto=update} runs and what a migration script writes for the relations, constraints and names of
 * a live schema that lacks part of the mapping, on every database; each ends with a schema {@code validate} accepts.
 */
@CrossDatabaseTest
class SchemaUpdateIT {

    @Entity
    @Table(name = "su_rack")
    static class Rack {
        @Id @GeneratedValue Long id;
        @Column(length = 20) String label;
    }

    @Entity
    @Table(name = "su_tag")
    static class Tag {
        @Id @GeneratedValue Long id;
        @Column(length = 20) String label;
    }

    @Entity
    @Table(name = "su_server")
    static class Server {
        @Id @GeneratedValue Long id;
        @Column(length = 40) String name;
        @Column(nullable = false, unique = true, length = 40) String serial;
        @ManyToOne Rack rack;
        @ManyToMany(joinTable = "su_server_tag", joinColumn = "server_id", inverseJoinColumn = "tag_id")
        List<Tag> tags = new ArrayList<>();
    }

    private static final String[] TABLES = {"su_server_tag", "su_server", "su_rack", "su_tag", "su_legacy"};

    private final TestDatabase db;
    private final Engine engine;
    private final SchemaManager schema;
    private final SchemaDdl ddl;

    SchemaUpdateIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
        this.schema = SchemaManager.of(engine);
        this.ddl = new SchemaDdl(engine.dialect());
    }

    @BeforeEach
    void createTables() {
        dropTables();
        engine.createAll(Server.class);
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly(TABLES);
        db.dropTablesQuietly(odd());
    }

    private EntityModel<Server> server() {
        return engine.model(Server.class);
    }

    @Test
    void updateAddsAMissingUniqueNotNullColumnToATableWithRowsWithoutItsNotNullWarnsAndReturnsWhatItRan()
            throws SQLException {
        run("alter table su_server drop column serial", "insert into su_server (name) values ('web-1')");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        List<String> executed;
        // the tests log through slf4j-simple, which writes to whatever System.err is at the time
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            executed = schema.update(List.of(Server.class));
        } finally {
            System.setErr(standardError);
        }

        assertThat(executed).as("on %s", db).containsExactlyElementsOf(
                ddl.addColumn(server(), server().property("serial"), true));
        assertThat(executed).as("on %s", db).hasSize(2);
        assertThat(log.toString(StandardCharsets.UTF_8)).as("on %s", db)
                .contains("WARN io.quarry.schema.SchemaManager - quarry.ddl-auto=update: column su_server.serial is added"
                        + " without NOT NULL because the table has rows; give them a value and add the constraint with a"
                        + " migration")
                .doesNotContain("WARN io.quarry.schema.SchemaManager - quarry.ddl-auto=update: null");
        assertThat(count("select count(*) from su_server where serial is null")).as("on %s", db).isEqualTo(1);
        assertThat(schema.differences(List.of(Server.class))).as("on %s", db).containsExactly(
                "nullability of column su_server.serial: the mapping says NOT NULL, the database allows NULL;"
                        + " add the NOT NULL constraint, or map the field as nullable");
        assertThat(schema.update(List.of(Server.class))).as("nothing is left to add on %s", db).isEmpty();
    }

    @Test
    void aMissingReferenceColumnComesWithItsIndexAndThenItsForeignKey() throws SQLException {
        run(ddl.dropForeignKey("su_server", SchemaDdl.foreignKeyName("su_server", "rack_id")),
                "alter table su_server drop column rack_id");

        MigrationScript script = schema.migrationScript(Server.class);

        EntityModel<Server> server = server();
        List<String> expected = new ArrayList<>(ddl.addColumn(server, server.property("rack"), false));
        expected.add(ddl.createForeignKeyIndex(server, server.property("rack")));
        expected.add(ddl.addForeignKey(server, server.property("rack"), engine.model(Rack.class)));
        assertThat(script.statements()).as("on %s", db).containsExactlyElementsOf(expected);
        run(script.statements().toArray(String[]::new));
        assertThat(schema.differences(List.of(Server.class))).as("on %s", db).isEmpty();
    }

    @Test
    void aMissingForeignKeyOfAnExistingColumnIsAddedAlone() throws SQLException {
        run(ddl.dropForeignKey("su_server", SchemaDdl.foreignKeyName("su_server", "rack_id")));

        List<String> executed = schema.update(List.of(Server.class));

        assertThat(executed).as("on %s", db).containsExactly(
                ddl.addForeignKey(server(), server().property("rack"), engine.model(Rack.class)));
        assertThat(schema.differences(List.of(Server.class))).as("on %s", db).isEmpty();
    }

    @Test
    void aMissingJoinTableIsCreatedWithItsForeignKeys() throws SQLException {
        db.dropTablesQuietly("su_server_tag");
        var tags = server().relations().stream().filter(relation -> relation.joinTable() != null).findFirst().orElseThrow();

        List<String> executed = schema.update(List.of(Server.class));

        List<String> expected = new ArrayList<>(ddl.createJoinTable(tags));
        expected.addAll(ddl.addJoinTableForeignKeys(tags, server(), engine.model(Tag.class)));
        assertThat(executed).as("on %s", db).containsExactlyElementsOf(expected);
        assertThat(schema.differences(List.of(Server.class))).as("on %s", db).isEmpty();
    }

    @Test
    void aDestructiveScriptLeavesTheMappedJoinTableAndSuggestsDroppingOnlyUnmappedTablesItCanName()
            throws SQLException {
        run("create table su_legacy (id integer primary key)",
                "create table " + odd() + " (id integer primary key)");

        MigrationScript script = schema.migrationScript(List.of(Server.class), true);

        assertThat(script.statements()).as("on %s", db).filteredOn(sql -> sql.contains("su_") || sql.contains("su "))
                .containsExactly("drop table if exists su_legacy");
        assertThat(script.warnings()).as("on %s", db).contains("table su_legacy is in the database but no entity maps it;"
                + " dropping it deletes its rows", "table su odd is in the database but no entity maps it; its name is"
                + " not a plain identifier, so Quarry writes no SQL for it: remove it by hand if you mean to");
    }

    @Test
    void aTypeAndANullabilityChangeOfOneColumnAreOneStatementOnMySqlAndTwoElsewhereAndBothRun() throws SQLException {
        // MySQL restates the column, nullability included; the others change the type alone
        run(engine.dialect().alterColumnType("su_server", "name", "varchar(10)", false),
                engine.dialect().alterColumnNullability("su_server", "name", "varchar(10)", false));

        MigrationScript script = schema.migrationScript(List.of(Server.class), true);

        List<String> ours = script.statements().stream().filter(sql -> sql.contains("su_")).toList();
        String type = engine.dialect().alterColumnType("su_server", "name", "varchar(40)", true);
        String nullability = engine.dialect().alterColumnNullability("su_server", "name", "varchar(40)", true);
        assertThat(ours).as("on %s", db).containsExactlyElementsOf(
                db.name().equals("mysql") ? List.of(type) : List.of(type, nullability));
        assertThat(script.warnings()).as("on %s", db).anySatisfy(warning -> assertThat(warning)
                .startsWith("column su_server.name is ").contains("the mapping says varchar(40)"));
        assertThat(script.warnings()).as("on %s", db).anySatisfy(warning -> assertThat(warning)
                .contains("is NOT NULL in the database, the mapping allows NULL: dropping the constraint lets NULLs in"));
        run(ours.toArray(String[]::new));
        assertThat(schema.differences(List.of(Server.class))).as("on %s", db).isEmpty();
    }

    @Test
    void theScriptsHeaderNamesTheDialectAndEveryEntityItCompared() {
        MigrationScript script = schema.migrationScript(Server.class);

        assertThat(script.sql()).as("on %s", db).startsWith("-- Quarry migration for "
                + engine.dialect().getClass().getSimpleName() + " from the mapping of Rack, Server, Tag\n"
                + "-- Review it before it runs: warnings mark the changes that need a look.\n");
    }

    /** A table whose name needs quotes, written as each database quotes it. */
    private String odd() {
        return db.name().equals("mysql") ? "`su odd`" : "\"su odd\"";
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void run(String... statements) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
