package io.quarry.reliability;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static io.quarry.sql.Sql.desc;
import static io.quarry.sql.Sql.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarry.repository.Modifying;
import io.quarry.repository.Page;
import io.quarry.repository.PageRequest;
import io.quarry.repository.Pageable;
import io.quarry.repository.PagingAndSortingRepository;
import io.quarry.repository.Param;
import io.quarry.repository.Query;
import io.quarry.repository.Sort;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hostile values and names ({@link InjectionCorpus}) through every entry point that takes them: values
 * are bound, never pasted into SQL, and come back exactly as given; names are checked against the model
 * and refused before any SQL runs. Each test ends by checking every SQL text the driver saw and that the
 * tables are intact.
 */
@CrossDatabaseTest
@Tag("reliability")
class InjectionCorpusIT {

    private static final String CANARY = "rel_canary";
    private static final int CANARY_ROWS = 3;

    interface NoteRepository extends PagingAndSortingRepository<Note, Long> {
        Note findByTitle(String title);

        List<Note> findByTitleIn(Collection<String> titles);

        List<Note> findByTitleStartingWith(String prefix);

        List<Note> findByTitleEndingWith(String suffix);

        List<Note> findByTitleContaining(String text);

        List<Note> findByTitleLike(String pattern);

        List<Note> findByTitleIgnoreCase(String title);

        List<Note> findByTitleAndBody(String title, String body);

        long countByTitle(String title);

        boolean existsByBody(String body);

        List<Note> findByHitsGreaterThanEqual(int hits, Sort sort);

        Page<Note> findByHitsLessThan(int hits, Pageable pageable);

        @Query("select * from rel_note where title = :title")
        List<Note> withTitle(@Param("title") String title);

        @Query("select * from rel_note where title = :text and body = :text")
        List<Note> withTitleAndBody(@Param("text") String text);

        @Query("select * from rel_note where hits >= ?1")
        Page<Note> pageWithHits(int hits, Pageable pageable);

        @Modifying
        @Query("update rel_note set hits = :hits where title = :title")
        int setHits(@Param("title") String title, @Param("hits") int hits);
    }

    private final TestDatabase db;
    private final SqlRecorder recorder = new SqlRecorder();
    private final Map<String, Long> idsByTitle = new HashMap<>();
    private final Map<String, Integer> callsByEntryPoint = new LinkedHashMap<>();
    private Engine engine;
    private NoteRepository notes;
    private long expectedNotes;

    InjectionCorpusIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void storeOneNotePerPayload() throws SQLException {
        engine = Engine.builder(recorder.wrap(db.dataSource())).build();
        engine.addStatementListener(recorder);
        engine.dropAll(Note.class);
        engine.createAll(Note.class);
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + CANARY);
            statement.execute("create table " + CANARY + " (id integer primary key)");
            for (int id = 1; id <= CANARY_ROWS; id++) {
                statement.execute("insert into " + CANARY + " (id) values (" + id + ")");
            }
        }
        try (Session session = engine.openSession()) {
            List<Note> stored = InjectionCorpus.VALUES.stream().map(value -> new Note(value, value)).toList();
            session.addAll(stored);
            session.commit();
            stored.forEach(note -> idsByTitle.put(note.title, note.id));
        }
        expectedNotes = InjectionCorpus.VALUES.size();
        notes = RepositoryFactory.of(engine.sessionFactory()).create(NoteRepository.class);
    }

    @AfterEach
    void dropTables() {
        System.out.println("reliability[" + db + "] injection calls by entry point: " + callsByEntryPoint);
        engine.dropAll(Note.class);
        db.dropTablesQuietly(CANARY);
    }

    @Test
    void valuesInQueryFiltersFindExactlyTheirOwnRow() {
        try (Session session = engine.openSession()) {
            for (String value : InjectionCorpus.VALUES) {
                exactly(value, "Query.filter eq", () -> session.query(Note.class).filter(col("title").eq(value)).all());
                exactly(value, "Query.filterBy", () -> session.query(Note.class).filterBy("title", value).all());
                exactly(value, "Query.filterBy map",
                        () -> session.query(Note.class).filterBy(Map.of("title", value, "body", value)).all());
                exactly(value, "Query.filter in",
                        () -> session.query(Note.class).filter(col("title").in(value, "no such title")).all());
                exactly(value, "Query.filter method reference",
                        () -> session.query(Note.class).filter(col(Note::getBody).eq(value)).all());
                among(value, "Query.filter startsWith",
                        () -> session.query(Note.class).filter(col("title").startsWith(value)).all(),
                        title -> title.startsWith(value));
                among(value, "Query.filter endsWith",
                        () -> session.query(Note.class).filter(col("title").endsWith(value)).all(),
                        title -> title.endsWith(value));
                among(value, "Query.filter contains",
                        () -> session.query(Note.class).filter(col("title").contains(value)).all(),
                        title -> title.contains(value));
                among(value, "Query.filter eqIgnoreCase",
                        () -> session.query(Note.class).filter(col("title").eqIgnoreCase(value)).all(),
                        title -> title.equalsIgnoreCase(value));
                likePattern(value, "Query.filter like",
                        () -> session.query(Note.class).filter(col("title").like(value)).all());
                call("Query.filter ne count");
                assertThat(session.query(Note.class).filter(col("title").ne(value)).count())
                        .as("notes not titled %s on %s", value, db).isEqualTo(expectedNotes - 1);
                call("Query.filter notIn count");
                assertThat(session.query(Note.class).filter(col("title").notIn(value)).count())
                        .as("notes not titled %s on %s", value, db).isEqualTo(expectedNotes - 1);
            }
        }
        assertNoPayloadReachedSqlAndTablesAreIntact();
    }

    @Test
    void valuesInRowQueriesAndRawSqlParametersFindExactlyTheirOwnRow() {
        try (Session session = engine.openSession()) {
            for (String value : InjectionCorpus.VALUES) {
                call("RowQuery filter");
                assertThat(session.select(Note.class, col("body")).filter(col("title").eq(value)).list(String.class))
                        .as("on %s", db).containsExactly(value);
                call("RowQuery having");
                assertThat(session.select(Note.class, col("title"), count()).filter(col("body").eq(value))
                        .groupBy(col("title")).having(count().eq(1L)).list(String.class))
                        .as("on %s", db).containsExactly(value);
                exactly(value, "raw SQL :param", () -> session.sqlQuery(
                        "select * from rel_note where title = :title", Note.class, Map.of("title", value)));
                call("raw SQL rows :param twice");
                assertThat(session.sqlRows("select body from rel_note where title = :v and body = :v",
                        Map.of("v", value))).as("on %s", db).extracting(row -> row.get(0)).containsExactly(value);
                call("raw SQL execute :param");
                assertThat(session.execute("update rel_note set hits = hits + 1 where title = :title",
                        Map.of("title", value))).as("rows updated for %s on %s", value, db).isEqualTo(1);
            }
            session.rollback();
        }
        assertThat(recorder.texts()).as("the recorder sees raw SQL after :name rewriting on %s", db)
                .contains("select * from rel_note where title = ?");
        assertNoPayloadReachedSqlAndTablesAreIntact();
    }

    @Test
    void valuesInRepositoryMethodsFindExactlyTheirOwnRow() {
        for (String value : InjectionCorpus.VALUES) {
            exactly(value, "derived findBy", () -> List.of(notes.findByTitle(value)));
            exactly(value, "derived In", () -> notes.findByTitleIn(List.of("no such title", value)));
            exactly(value, "derived And", () -> notes.findByTitleAndBody(value, value));
            among(value, "derived StartingWith", () -> notes.findByTitleStartingWith(value),
                    title -> title.startsWith(value));
            among(value, "derived EndingWith", () -> notes.findByTitleEndingWith(value),
                    title -> title.endsWith(value));
            among(value, "derived Containing", () -> notes.findByTitleContaining(value),
                    title -> title.contains(value));
            among(value, "derived IgnoreCase", () -> notes.findByTitleIgnoreCase(value),
                    title -> title.equalsIgnoreCase(value));
            call("derived countBy");
            assertThat(notes.countByTitle(value)).as("on %s", db).isEqualTo(1);
            call("derived existsBy");
            assertThat(notes.existsByBody(value)).as("on %s", db).isTrue();
            likePattern(value, "derived Like", () -> notes.findByTitleLike(value));
            exactly(value, "@Query :param", () -> notes.withTitle(value));
            exactly(value, "@Query :param twice", () -> notes.withTitleAndBody(value));
            call("@Modifying @Query :param");
            assertThat(notes.setHits(value, 7)).as("rows updated for %s on %s", value, db).isEqualTo(1);
        }
        assertNoPayloadReachedSqlAndTablesAreIntact();
    }

    @Test
    void valuesSavedAndUpdatedComeBackExactly() {
        List<String> failures = new ArrayList<>();
        for (String value : InjectionCorpus.VALUES) {
            call("repository save (insert)");
            Note saved = notes.save(new Note("saved", value));
            expectedNotes++;
            expectBody(saved.id, value, "repository save (insert)", failures);

            Long id = idsByTitle.get(value);
            call("session dirty update");
            try (Session session = engine.openSession()) {
                session.get(Note.class, id).body = value + " (edited)";
                session.commit();
            }
            expectBody(id, value + " (edited)", "session dirty update", failures);

            call("repository save (update)");
            Note loaded = notes.findById(id).orElseThrow();
            loaded.body = value;
            notes.save(loaded);
            expectBody(id, value, "repository save (update)", failures);

            call("Query.update set");
            try (Session session = engine.openSession()) {
                assertThat(session.query(Note.class).filter(col("id").eq(saved.id)).update(set("body", value + "!")))
                        .isEqualTo(1);
                session.commit();
            }
            expectBody(saved.id, value + "!", "Query.update set", failures);
        }
        assertThat(failures).as("values that did not come back as stored on %s", db).isEmpty();
        assertNoPayloadReachedSqlAndTablesAreIntact();
    }

    @Test
    void namesFromOutsideAreRefusedAtEveryIdentifierEntryPointBeforeAnySqlRuns() {
        List<String> accepted = new ArrayList<>();
        try (Session session = engine.openSession()) {
            for (String name : InjectionCorpus.NAMES) {
                refused(name, "Sort", () -> notes.findAll(Sort.by(name)), accepted);
                refused(name, "Sort descending", () -> notes.findAll(Sort.by(Sort.Direction.DESC, name)), accepted);
                refused(name, "Sort after a valid property", () -> notes.findAll(Sort.by("title", name)), accepted);
                refused(name, "Pageable sort", () -> notes.findAll(PageRequest.of(0, 5, Sort.by(name))), accepted);
                refused(name, "derived method Sort", () -> notes.findByHitsGreaterThanEqual(0, Sort.by(name)),
                        accepted);
                refused(name, "derived method Pageable sort",
                        () -> notes.findByHitsLessThan(100, PageRequest.of(0, 5, Sort.by(name))), accepted);
                refused(name, "@Query Pageable sort", () -> notes.pageWithHits(0, PageRequest.of(0, 5, Sort.by(name))),
                        accepted);
                refused(name, "Query.filterBy name", () -> session.query(Note.class).filterBy(name, "x").all(),
                        accepted);
                refused(name, "Query.filterBy map name",
                        () -> session.query(Note.class).filterBy(Map.of(name, "x")).all(), accepted);
                refused(name, "col(name) in filter", () -> session.query(Note.class).filter(col(name).eq("x")).all(),
                        accepted);
                refused(name, "asc(name)", () -> session.query(Note.class).orderBy(asc(name)).all(), accepted);
                refused(name, "desc(name)", () -> session.query(Note.class).orderBy(desc(name)).all(), accepted);
                refused(name, "RowQuery select col(name)", () -> session.select(Note.class, col(name)).all(),
                        accepted);
                refused(name, "RowQuery groupBy col(name)",
                        () -> session.select(Note.class, count()).groupBy(col(name)).all(), accepted);
                refused(name, "Query.update set(name)",
                        () -> session.query(Note.class).filter(col("id").eq(-1L)).update(set(name, "x")), accepted);
            }
        }
        assertThat(accepted).as("names taken as properties on %s", db).isEmpty();
        assertNoPayloadReachedSqlAndTablesAreIntact();
    }

    /**
     * A user's LIKE pattern: {@code %} and {@code _} are wildcards and nothing else is special (a backslash
     * is itself), so a pattern matches at least itself, and exactly itself when it has no wildcard.
     */
    private void likePattern(String value, String entryPoint, Supplier<List<Note>> call) {
        if (value.contains("%") || value.contains("_")) {
            among(value, entryPoint, call, title -> true);
        } else {
            exactly(value, entryPoint, call);
        }
    }

    private void exactly(String value, String entryPoint, Supplier<List<Note>> call) {
        call(entryPoint);
        List<Note> found = call.get();
        assertThat(found).as("%s with %s on %s", entryPoint, value, db).hasSize(1);
        assertThat(found.get(0).title).as("%s on %s", entryPoint, db).isEqualTo(value);
        assertThat(found.get(0).id).isEqualTo(idsByTitle.get(value));
    }

    private void among(String value, String entryPoint, Supplier<List<Note>> call,
                       java.util.function.Predicate<String> matches) {
        call(entryPoint);
        List<String> titles = call.get().stream().map(note -> note.title).toList();
        assertThat(titles).as("%s with %s on %s", entryPoint, value, db).contains(value).allMatch(matches);
    }

    private void refused(String name, String entryPoint, Runnable call, List<String> accepted) {
        call(entryPoint);
        int before = recorder.texts().size();
        Throwable thrown = catchThrowable(call::run);
        if (thrown == null) {
            accepted.add(entryPoint + ": " + name);
        } else {
            assertThat(thrown).as("%s with %s on %s", entryPoint, name, db).isInstanceOf(RuntimeException.class);
        }
        assertThat(recorder.texts().subList(before, recorder.texts().size()))
                .as("SQL run by %s with %s on %s", entryPoint, name, db)
                .noneMatch(sql -> sql.contains(name));
    }

    private void expectBody(Long id, String body, String entryPoint, List<String> failures) {
        try (Session session = engine.openSession()) {
            Note stored = session.get(Note.class, id);
            if (stored == null || !body.equals(stored.body)) {
                failures.add(entryPoint + ": stored " + body + ", read " + (stored == null ? null : stored.body));
            }
        }
    }

    private void call(String entryPoint) {
        callsByEntryPoint.merge(entryPoint, 1, Integer::sum);
    }

    private void assertNoPayloadReachedSqlAndTablesAreIntact() {
        List<String> texts = recorder.texts();
        assertThat(texts).as("SQL texts recorded on %s", db).isNotEmpty();
        List<String> leaked = new ArrayList<>();
        for (String payload : InjectionCorpus.VALUES) { // names: checked per call, in refused()
            texts.stream().filter(sql -> sql.contains(payload)).findFirst()
                    .ifPresent(sql -> leaked.add(payload + " in: " + sql));
        }
        assertThat(leaked).as("payloads that reached SQL text on %s", db).isEmpty();
        assertThat(countRows("rel_note")).as("notes on %s", db).isEqualTo(expectedNotes);
        assertThat(countRows(CANARY)).as("canary rows on %s", db).isEqualTo(CANARY_ROWS);
    }

    private long countRows(String table) {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("table " + table + " is not there any more on " + db + ": " + e.getMessage(), e);
        }
    }
}
