package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.SessionStateException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.mapping.Version;
import io.quarry.sql.SqlStatement;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session methods repositories rely on: flush(instances) and label-matched loading of hand-written SQL. */
@CrossDatabaseTest
class SessionRepositorySupportIT {

    @Entity
    @Table(name = "srs_gem")
    record Gem(@Id @GeneratedValue Long id, String name, @Version Integer version) {
    }

    private final TestDatabase db;
    private Engine engine;

    SessionRepositorySupportIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTable() {
        db.dropTablesQuietly("srs_gem");
        engine = Engine.create(db.dataSource());
        engine.createAll(Gem.class);
    }

    /** A session as repositories get it: with the pre-rendered statement API. */
    private StatementSession openStatementSession() {
        return engine.sessionFactory().openSession(engine.connections(), SessionOptions.DEFAULTS).session();
    }

    @AfterEach
    void dropTable() {
        db.dropTablesQuietly("srs_gem");
    }

    @Test
    void flushReturnsTheRecordsRebuiltWithGeneratedIdsAndVersions() {
        try (StatementSession session = openStatementSession()) {
            Gem added = session.add(new Gem(null, "opal", null));

            List<Gem> flushed = session.flush(List.of(added));

            assertThat(flushed.get(0).id()).isNotNull();
            assertThat(flushed.get(0).version()).isZero();
            assertThat(session.contains(flushed.get(0))).isTrue();
            session.commit();
        }
    }

    @Test
    void flushRejectsAnInstanceTheSessionDoesNotHold() {
        try (StatementSession session = openStatementSession()) {
            assertThatThrownBy(() -> session.flush(List.of(new Gem(null, "jade", null))))
                    .isInstanceOf(SessionStateException.class)
                    .hasMessageContaining("not in this session");
        }
    }

    private StatementSession openReadOnlyStatementSession() {
        return engine.sessionFactory().openSession(engine.connections(), SessionOptions.DEFAULTS.withReadOnly(true))
                .session();
    }

    private List<String> namesInTheDatabase() {
        try (StatementSession session = openStatementSession()) {
            return session.query(Gem.class).all().stream().map(Gem::name).sorted().toList();
        }
    }

    @Test
    void executeUpdateFlushesWhatIsPendingFirstSoItsRowsAreWritten() {
        engine.sessionFactory().inTransaction(session -> {
            session.add(new Gem(null, "ruby", null));
        });
        try (StatementSession session = openStatementSession()) {
            session.add(new Gem(null, "opal", null));

            int updated = session.executeUpdate(new SqlStatement("update srs_gem set name = 'cut'", List.of()), new Object[0]);

            assertThat(updated).as("the pending opal was inserted first, on %s", db).isEqualTo(2);
            session.commit();
        }
        assertThat(namesInTheDatabase()).containsExactly("cut", "cut");
    }

    @Test
    void aReadOnlySessionRefusesPreRenderedWritesAndRunsNone() {
        engine.sessionFactory().inTransaction(session -> {
            session.add(new Gem(null, "ruby", null));
        });
        EntityModel<Gem> model = engine.model(Gem.class);
        SqlStatement update = new SqlStatement("update srs_gem set name = 'cut'", List.of());
        SqlStatement delete = new SqlStatement("delete from srs_gem", List.of());
        SqlStatement ids = new SqlStatement("select id from srs_gem", List.of());
        try (StatementSession session = openReadOnlyStatementSession()) {
            assertThatThrownBy(() -> session.executeUpdate(update, new Object[0]))
                    .isInstanceOf(SessionStateException.class)
                    .hasMessage("Cannot execute in a read-only session; open a read-write session");
            assertThatThrownBy(() -> session.bulkUpdate(model, update, ids, new Object[0]))
                    .isInstanceOf(SessionStateException.class)
                    .hasMessage("Cannot update in a read-only session; open a read-write session");
            assertThatThrownBy(() -> session.bulkDelete(model, delete, ids, new Object[0]))
                    .isInstanceOf(SessionStateException.class)
                    .hasMessage("Cannot delete in a read-only session; open a read-write session");
            session.commit();
        }
        assertThat(namesInTheDatabase()).as("on %s", db).containsExactly("ruby");
    }

    @Test
    void listByColumnLabelMatchesColumnsWhateverTheirOrder() {
        engine.sessionFactory().inTransaction(session -> {
            session.add(new Gem(null, "ruby", null));
        });
        SqlStatement reordered = new SqlStatement("select version, name, id from srs_gem", List.of());
        try (StatementSession session = openStatementSession()) {
            List<Gem> gems = session.listByColumnLabel(engine.model(Gem.class), reordered, new Object[0]);
            assertThat(gems).extracting(Gem::name).containsExactly("ruby");
            assertThat(session.contains(gems.get(0))).isTrue();
            try (Stream<Gem> stream = session.streamByColumnLabel(engine.model(Gem.class), reordered, new Object[0])) {
                assertThat(stream.toList()).containsExactlyElementsOf(gems);
            }
        }
    }
}
