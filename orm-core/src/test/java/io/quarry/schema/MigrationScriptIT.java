package io.quarry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Index;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Migration scripts written from the mapping against the live schema of every test database, then run. */
@CrossDatabaseTest
class MigrationScriptIT {

    @Entity
    @Table(name = "mg_shelf")
    @Index(columns = "name")
    static class Shelf {
        @Id @GeneratedValue Long id;
        @Column(nullable = false, length = 40) String name;
        int capacity;
    }

    @Entity
    @Table(name = "mg_book")
    static class Book {
        @Id @GeneratedValue Long id;
        @Column(nullable = false, length = 80) String title;
        @ManyToOne Shelf shelf;
    }

    private final TestDatabase db;
    private final Engine engine;
    private final SchemaManager schema;

    MigrationScriptIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
        this.schema = SchemaManager.of(engine);
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("mg_book", "mg_shelf", "mg_ledger");
    }

    /** The script's statements and commented-out ones that concern this test's tables (the database is shared). */
    private static List<String> ours(List<String> statements) {
        return statements.stream().filter(sql -> sql.contains("mg_")).toList();
    }

    @Test
    void againstAnEmptySchemaCreatesTheTablesIndexesAndForeignKeysThatValidateAccepts() throws SQLException {
        MigrationScript script = schema.migrationScript(Book.class);

        assertThat(script.statements()).containsExactlyElementsOf(engine.ddl(Book.class));
        assertThat(ours(script.skipped())).isEmpty();
        run(script.statements());
        assertThat(schema.differences(List.of(Book.class))).isEmpty();
        assertThat(schema.migrationScript(Book.class).statements()).isEmpty();
    }

    @Test
    void writesOnlyTheMissingColumnAndIndex() throws SQLException {
        engine.createAll(Book.class);
        run(List.of("alter table mg_shelf drop column capacity",
                db.name().equals("mysql") ? "drop index ix_mg_shelf_name on mg_shelf" : "drop index ix_mg_shelf_name"));

        MigrationScript script = schema.migrationScript(Book.class);

        String integer = engine.dialect().typeName(engine.model(Shelf.class).property("capacity").spec());
        assertThat(script.statements()).containsExactly("alter table mg_shelf add column capacity " + integer + " not null",
                "create index ix_mg_shelf_name on mg_shelf (name)");
        assertThat(ours(script.skipped())).isEmpty();
        assertThat(script.warnings()).noneMatch(warning -> warning.contains("mg_"));
        run(script.statements());
        assertThat(schema.differences(List.of(Book.class))).isEmpty();
    }

    @Test
    void commentsOutAnExtraColumnAndAChangedTypeWithWarningsUnlessAskedToInclude() throws SQLException {
        engine.createAll(Book.class);
        run(List.of("alter table mg_shelf add column legacy varchar(10)", switch (db.name()) {
            case "mysql" -> "alter table mg_book modify column title varchar(20) not null";
            case "postgresql" -> "alter table mg_book alter column title type varchar(20)";
            default -> "alter table mg_book alter column title set data type varchar(20)";
        }));

        MigrationScript script = schema.migrationScript(Book.class);

        String retype = engine.dialect().alterColumnType("mg_book", "title", "varchar(80)", false);
        assertThat(ours(script.statements())).isEmpty();
        assertThat(ours(script.skipped())).containsExactly("alter table mg_shelf drop column legacy", retype);
        assertThat(script.sql()).contains("\n-- " + retype + ";\n", "\n-- alter table mg_shelf drop column legacy;\n");
        assertThat(script.warnings()).contains(
                "column mg_shelf.legacy is in the database but not in the mapping; dropping it deletes its values");
        assertThat(script.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("column mg_book.title is ").contains("(20) in the database, the mapping says varchar(80)"));
        assertThat(schema.differences(List.of(Book.class))).isNotEmpty();

        MigrationScript included = schema.migrationScript(List.of(Book.class), true);

        assertThat(ours(included.statements())).containsExactly("alter table mg_shelf drop column legacy", retype);
        run(ours(included.statements()));
        assertThat(schema.differences(List.of(Book.class))).isEmpty();
        assertThat(ours(schema.migrationScript(List.of(Book.class), true).statements())).isEmpty();
    }

    @Test
    void suggestsDroppingAnUnmappedTableUnlessTheCallerLeavesItAlone() throws SQLException {
        engine.createAll(Book.class);
        run(List.of("create table mg_ledger (id int primary key)"));
        String drop = "drop table if exists mg_ledger";

        assertThat(ours(schema.migrationScript(Book.class).skipped())).containsExactly(drop);
        assertThat(ours(schema.migrationScript(List.of(Book.class), true).statements())).containsExactly(drop);

        MigrationScript leftAlone = schema.migrationScript(List.of(Book.class), true,
                table -> table.equalsIgnoreCase("mg_ledger"));

        assertThat(ours(leftAlone.statements())).isEmpty();
        assertThat(ours(leftAlone.skipped())).isEmpty();
        assertThat(leftAlone.warnings()).noneMatch(warning -> warning.contains("mg_ledger"));
    }

    @Test
    void aNullabilityChangeIsCommentedOutToo() throws SQLException {
        engine.createAll(Book.class);
        run(List.of(switch (db.name()) {
            case "mysql" -> "alter table mg_book modify column title varchar(80)";
            default -> "alter table mg_book alter column title drop not null";
        }));

        MigrationScript script = schema.migrationScript(Book.class);

        String notNull = engine.dialect().alterColumnNullability("mg_book", "title", "varchar(80)", false);
        assertThat(ours(script.skipped())).containsExactly(notNull);
        assertThat(script.warnings()).contains("column mg_book.title allows NULL in the database, the mapping says"
                + " NOT NULL: rows holding NULL make it fail; give them a value first");
    }

    @Test
    void aNotNullColumnAddedToRowsComesWithoutItsConstraintWhichFollowsCommentedOut() throws SQLException {
        engine.createAll(Book.class);
        run(List.of("alter table mg_shelf drop column capacity", "insert into mg_shelf (name) values ('a')"));

        MigrationScript script = schema.migrationScript(Book.class);

        String integer = engine.dialect().typeName(engine.model(Shelf.class).property("capacity").spec());
        String notNull = engine.dialect().alterColumnNullability("mg_shelf", "capacity", integer, false);
        assertThat(script.statements()).containsExactly("alter table mg_shelf add column capacity " + integer);
        assertThat(ours(script.skipped())).containsExactly(notNull);
        assertThat(script.warnings()).contains("column mg_shelf.capacity is added without NOT NULL because the table has"
                + " rows; give them a value and add the constraint with a migration",
                "column mg_shelf.capacity gets its NOT NULL once every row has a value");
        run(script.statements());
        run(List.of("update mg_shelf set capacity = 3", notNull));
        assertThat(schema.differences(List.of(Book.class))).isEmpty();
    }

    private void run(List<String> statements) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
