package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** upsertAll: the statement each database gets, the values it writes (NULL included), objects it refuses. */
@CrossDatabaseTest
class UpsertAllIT {

    private final TestDatabase db;
    private final RecordedStatements statements = new RecordedStatements();
    private Engine engine;

    UpsertAllIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTags() {
        engine = Engine.builder(db.dataSource()).statementListener(statements).build();
        engine.dropAll(Tag.class);
        engine.createAll(Tag.class);
        try (Session session = engine.openSession()) {
            session.add(new Tag("t1", "one"));
            session.commit();
        }
        statements.take();
    }

    @AfterEach
    void dropTags() {
        engine.dropAll(Tag.class);
    }

    private String expectedUpsert() {
        return switch (db.name()) {
            case "h2" -> "merge into s3_tag (code, label) key (code) values (?, ?)";
            case "postgresql" -> "insert into s3_tag (code, label) values (?, ?) on conflict (code) do update set "
                    + "label = excluded.label";
            default -> db.isMariaDb()
                    ? "insert into s3_tag (code, label) values (?, ?) on duplicate key update label = values(label)"
                    : "insert into s3_tag (code, label) values (?, ?) as new_row on duplicate key update "
                            + "label = new_row.label";
        };
    }

    @Test
    void upsertSetsEveryColumnButTheKeyAndWritesANullOverAStoredValue() {
        try (Session session = engine.openSession()) {
            assertThat(session.upsertAll(List.of(new Tag("t1", null), new Tag("t2", "two")))).isEqualTo(2);
            session.commit();
        }
        assertThat(statements.take()).as("on %s", db).containsExactly(expectedUpsert() + " [x2]");
        try (Session other = engine.openSession()) {
            assertThat(other.get(Tag.class, "t1").label).as("on %s", db).isNull();
            assertThat(other.get(Tag.class, "t2").label).isEqualTo("two");
        }
    }

    @Test
    void upsertRefusesAnObjectWithoutAnIdAndWritesNothing() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.upsertAll(List.of(new Tag("t2", "two"), new Tag(null, "none"))))
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("upsertAll needs ids: a Tag has none. Use add(...) for new objects with generated ids");
            session.commit();
        }
        assertThat(statements.take()).as("on %s", db).isEmpty();
    }

    @Test
    void upsertRunsOneBatchPerFullChunkAndNoEmptyOneAfterThem() {
        Engine batchesOfTwo = Engine.builder(db.dataSource()).statementListener(statements).batchSize(2).build();
        try (Session session = batchesOfTwo.openSession()) {
            assertThat(session.upsertAll(List.of(new Tag("t1", "uno"), new Tag("t2", "two"), new Tag("t3", "three"),
                    new Tag("t4", "four")))).isEqualTo(4);
            session.commit();
        }
        assertThat(statements.take()).as("on %s", db).containsExactly(expectedUpsert() + " [x2]",
                expectedUpsert() + " [x2]");
        assertThat(storedLabel("t1")).isEqualTo("uno");
        assertThat(storedLabel("t4")).isEqualTo("four");
    }

    private String storedLabel(String code) {
        try (Session other = engine.openSession()) {
            return other.get(Tag.class, code).label;
        }
    }
}
