package io.quarry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import io.quarry.types.SimpleCodec;
import io.quarry.types.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The column types {@code validate} accepts and refuses as each database's driver reports them: every kind of
 * column Quarry creates fits its mapping, and a column too narrow or of another kind is named with what is wrong.
 */
@CrossDatabaseTest
class ColumnTypesIT {

    /** A value object stored as unbounded text, to have a TEXT column. */
    record Notes(String text) {
    }

    private static final SimpleCodec<Notes> NOTES = SimpleCodec.of(SqlType.TEXT,
            (statement, index, notes) -> statement.setString(index, notes.text()),
            (row, index) -> row.getString(index) == null ? null : new Notes(row.getString(index)));

    @Entity
    @Table(name = "cty_every")
    record Every(@Id Long id, boolean flag, short small, byte tiny, int count, long big, float ratio, double measure,
            @Column(precision = 12, scale = 3) BigDecimal amount, BigInteger whole, Character initial,
            @Column(length = 40) String name, @Column(length = 20_000) String essay, Notes notes, byte[] data,
            LocalDate day, LocalTime hour, LocalDateTime stamp, Instant instant, OffsetDateTime offset, UUID token) {
    }

    @Entity
    @Table(name = "cty_narrow")
    record Narrow(@Id Long id, Integer count, Long big, Double measure, @Column(precision = 12, scale = 3) BigDecimal amount,
            @Column(length = 40) String name, UUID token, LocalDate due, Boolean flag) {
    }

    private final TestDatabase db;
    private final Engine engine;
    private final SchemaManager schema;

    ColumnTypesIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.builder(db.dataSource()).codec(Notes.class, NOTES).build();
        this.schema = SchemaManager.of(engine);
    }

    @BeforeEach
    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("cty_every", "cty_narrow");
    }

    @Test
    void validateAcceptsEveryKindOfColumnCreateMakes() {
        engine.createAll(Every.class);

        assertThat(schema.differences(List.of(Every.class))).as("on %s", db).isEmpty();
        assertThat(schema.migrationScript(List.of(Every.class), true).statements())
                .as("on %s", db).noneMatch(sql -> sql.contains("cty_every"));
    }

    @Test
    void validateNamesEachColumnTooNarrowOrOfAnotherKindWithWhatIsWrong() throws SQLException {
        // MySQL's real is a double: its float is the single-precision type
        run("create table cty_narrow (id bigint primary key, count smallint, big integer, measure "
                + (db.name().equals("mysql") ? "float" : "real") + ", amount numeric(10, 3), name varchar(20),"
                + " token char(32), due timestamp null, flag varchar(5))");

        List<String> problems = schema.differences(List.of(Narrow.class));

        assertThat(problems).as("on %s", db).hasSize(8);
        assertThat(typeProblem(problems, "count")).isNotNull();
        assertThat(typeProblem(problems, "big")).isNotNull();
        assertThat(typeProblem(problems, "measure")).isNotNull();
        assertThat(typeProblem(problems, "amount")).endsWith("(10, 3) (has precision 10 and scale 3, the mapping 12 and 3)");
        assertThat(typeProblem(problems, "name")).endsWith("(20) (holds 20 characters, the mapping up to 40)");
        assertThat(typeProblem(problems, "token")).endsWith("(32) (holds 32 characters, the mapping up to 36)");
        assertThat(typeProblem(problems, "due")).isNotNull();
        assertThat(typeProblem(problems, "flag")).endsWith("(5)");
    }

    /** What follows "the database has " in the one problem naming {@code column}'s type, which must exist. */
    private String typeProblem(List<String> problems, String column) {
        String prefix = "wrong type of column cty_narrow." + column + ": the mapping expects " + type(Narrow.class, column)
                + ", the database has ";
        List<String> found = problems.stream().filter(line -> line.startsWith(prefix)).toList();
        assertThat(found).as("the type of %s on %s in %s", column, db, problems).hasSize(1);
        return found.get(0).substring(prefix.length());
    }

    private String type(Class<?> entity, String property) {
        return engine.dialect().typeName(engine.model(entity).property(property).spec());
    }

    private void run(String sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
