package io.quarry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToMany;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.sql.SchemaDdl;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code validate} reports about a live schema that differs from the mapping, on every database. */
@CrossDatabaseTest
class SchemaDifferencesIT {

    @Entity
    @Table(name = "sd_rack")
    static class Rack {
        @Id @GeneratedValue Long id;
        @Column(length = 20) String label;
    }

    @Entity
    @Table(name = "sd_tag")
    static class Tag {
        @Id @GeneratedValue Long id;
        @Column(length = 20) String label;
    }

    @Entity
    @Table(name = "sd_server")
    static class Server {
        @Id @GeneratedValue Long id;
        @Column(length = 40) String name;
        @Column(nullable = false, length = 40) String serial;
        @ManyToOne Rack rack;
        @ManyToMany(joinTable = "sd_server_tag", joinColumn = "server_id", inverseJoinColumn = "tag_id")
        List<Tag> tags = new ArrayList<>();
    }

    private static final String[] TABLES = {"sd_server_tag", "sd_server", "sd_rack", "sd_tag", "sdxrack"};

    private final TestDatabase db;
    private final Engine engine;
    private final SchemaManager schema;

    SchemaDifferencesIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
        this.schema = SchemaManager.of(engine);
    }

    @BeforeEach
    void createTables() {
        db.dropTablesQuietly(TABLES);
        engine.createAll(Server.class);
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly(TABLES);
    }

    private List<String> differences() {
        return schema.differences(List.of(Server.class));
    }

    @Test
    void theSchemaCreateMadeHasNoDifferences() {
        assertThat(differences()).as("on %s", db).isEmpty();
    }

    @Test
    void namesAMissingTableWithItsEntity() {
        // (the join table's foreign keys are not compared: it has one to sd_tag on MySQL, none elsewhere)
        db.dropTablesQuietly("sd_tag");

        assertThat(differences()).as("on %s", db).containsExactly(
                "missing table sd_tag (entity " + Tag.class.getName() + ")");
    }

    @Test
    void namesAMissingColumnWithItsPropertyAndType() throws SQLException {
        run("alter table sd_server drop column name");

        assertThat(differences()).as("on %s", db).containsExactly(
                "missing column sd_server.name (Server.name, " + type(Server.class, "name") + ")");
    }

    @Test
    void namesNullabilityThatDiffersEitherWayWithTheWayOut() throws SQLException {
        run(engine.dialect().alterColumnNullability("sd_server", "name", type(Server.class, "name"), false),
                engine.dialect().alterColumnNullability("sd_server", "serial", type(Server.class, "serial"), true));

        assertThat(differences()).as("on %s", db).containsExactly(
                "nullability of column sd_server.name: the mapping says NULL allowed, the database has NOT NULL;"
                        + " declare the field with @Column(nullable = false) or drop the constraint",
                "nullability of column sd_server.serial: the mapping says NOT NULL, the database allows NULL;"
                        + " add the NOT NULL constraint, or map the field as nullable");
    }

    @Test
    void namesAMissingForeignKeyOfAReference() throws SQLException {
        run(new SchemaDdl(engine.dialect()).dropForeignKey("sd_server", SchemaDdl.foreignKeyName("sd_server", "rack_id")));

        assertThat(differences()).as("on %s", db).containsExactly("missing foreign key sd_server.rack_id -> sd_rack.id"
                + " (relation 'Server.rack'); add it with a migration");
    }

    @Test
    void aMissingReferenceColumnIsAMissingColumnNotAMissingForeignKey() throws SQLException {
        run(new SchemaDdl(engine.dialect()).dropForeignKey("sd_server", SchemaDdl.foreignKeyName("sd_server", "rack_id")),
                "alter table sd_server drop column rack_id");

        assertThat(differences()).as("on %s", db).containsExactly(
                "missing column sd_server.rack_id (Server.rack, " + type(Server.class, "rack") + ")");
    }

    @Test
    void namesAMissingJoinTableWithItsRelation() {
        db.dropTablesQuietly("sd_server_tag");

        assertThat(differences()).as("on %s", db).containsExactly(
                "missing join table sd_server_tag (relation 'Server.tags')");
    }

    @Test
    void namesAJoinTableColumnThatIsMissing() throws SQLException {
        db.dropTablesQuietly("sd_server_tag");
        run("create table sd_server_tag (server_id bigint not null, label_id bigint not null)");

        assertThat(differences()).as("on %s", db).containsExactly(
                "missing column sd_server_tag.tag_id (join table of relation 'Server.tags')");
    }

    @Test
    void theColumnsOfATableWhoseNameOnlyMatchesAsAPatternAreNotTheTablesOwn() throws SQLException {
        // metadata look-ups take the table name as a LIKE pattern, where '_' matches any character
        run("create table sdxrack (id bigint primary key, label integer not null, extra integer)");

        assertThat(differences()).as("on %s", db).isEmpty();
        assertThat(schema.migrationScript(List.of(Server.class), true).statements()).as("on %s", db)
                .noneMatch(sql -> sql.contains("sd_rack"));
    }

    private String type(Class<?> entity, String property) {
        return engine.dialect().typeName(engine.model(entity).property(property).spec());
    }

    private void run(String... statements) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
