package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.Param;
import io.quarry.repository.Query;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of hand-written SQL per database, run for real: {@code ?} and {@code :name} inside
 * comments, string literals (MySQL backslash escapes, PostgreSQL dollar quotes and E-strings) and
 * quoted identifiers are text, not parameters; only those in code are bound.
 */
@CrossDatabaseTest
class HandWrittenSqlIT {

    @Entity
    @Table(name = "hw_word")
    record Word(@Id Long id, String text) {
    }

    interface WordRepository extends CrudRepository<Word, Long> {
        @Query("select * from hw_word /* the ? and :n of a comment */ where text = :t")
        List<Word> commented(@Param("t") String text);

        @Query("select * from hw_word where text = 'it''s' -- isn't :n ?\n or text = :t")
        List<Word> quoted(@Param("t") String text);
    }

    private static final Set<String> ALL = Set.of("h2", "mysql", "postgresql");
    private static final List<String> TEXTS = List.of("x", "it's", "it\"s", "a:b ?", "y");

    /**
     * One statement and the texts it selects.
     *
     * @param databases where it runs
     * @param sql the statement, with parameter {@code :t} bound to "x" (and {@code :one} to 1)
     * @param expected the texts selected
     */
    record Case(Set<String> databases, String sql, List<String> expected) {
        Case(String database, String sql, String... expected) {
            this(database.equals("all") ? ALL : Set.of(database.split(",")), sql, List.of(expected));
        }
    }

    static final List<Case> CORPUS = List.of(
            new Case("all", "select text from hw_word where text = :t /* ? */", "x"),
            new Case("all", "select text from hw_word /* :n */ where text = :t", "x"),
            new Case("all", "/* it's */ select text from hw_word where text = :t", "x"),
            new Case("all", "select text\n/*\n * where text = ?\n * and :other\n */\nfrom hw_word where text = :t", "x"),
            new Case("all", "select text from hw_word /* \"? */ where text = :t", "x"),
            new Case("h2,postgresql", "select text from hw_word /* outer /* inner */ :n ? */ where text = :t", "x"),
            new Case("h2,postgresql", "select text from hw_word /* it's /* don't */ ? */ where text = :t", "x"),
            new Case("h2", "select text from hw_word // it's :n ?\nwhere text = :t", "x"),
            new Case("h2,postgresql", "select text from hw_word where text = $$it's$$ or text = :t", "it's", "x"),
            new Case("h2,postgresql", "select text from hw_word where text = $$a:b ?$$ or text = :t", "a:b ?", "x"),
            new Case("postgresql", "select text from hw_word where text = $q$a:b ?$q$ or text = :t", "a:b ?", "x"),
            new Case("postgresql", "select text from hw_word where text = $q$it's $$ :n$q$ or text = :t", "x"),
            new Case("postgresql", "select text from hw_word where text = E'it\\'s' or text = :t", "it's", "x"),
            new Case("postgresql", "select text from hw_word where text = e'it\\'s :n ?' or text = :t", "x"),
            new Case("mysql", "select text from hw_word where text = 'it\\'s' or text = :t", "it's", "x"),
            new Case("mysql", "select text from hw_word where text = 'it\\'s :n ?' or text = :t", "x"),
            new Case("mysql", "select text from hw_word where text = \"it\\\"s\" or text = :t", "it\"s", "x"),
            new Case("mysql", "select text from hw_word where text = \"it\\\"s ?\" or text = :t", "x"),
            new Case("mysql", "select text from hw_word # it's :n ?\nwhere text = :t", "x"),
            new Case("mysql", "select text from hw_word where id = 2--:one", "it\"s"));

    private final TestDatabase db;
    private final Engine engine;

    HandWrittenSqlIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    @BeforeEach
    void fill() {
        engine.dropAll(Word.class);
        engine.createAll(Word.class);
        try (Session session = engine.openSession()) {
            for (int i = 0; i < TEXTS.size(); i++) {
                session.add(new Word((long) i + 1, TEXTS.get(i)));
            }
            session.commit();
        }
    }

    @AfterEach
    void drop() {
        engine.dropAll(Word.class);
    }

    @TestFactory
    Stream<DynamicTest> corpusSelectsTheSameRowsAsTheDatabaseReadsIt() {
        return CORPUS.stream().filter(entry -> entry.databases().contains(db.name()))
                .map(entry -> DynamicTest.dynamicTest(entry.sql().replace("\n", "\\n"), () -> {
                    try (Session session = engine.openSession()) {
                        Map<String, Object> parameters = entry.sql().contains(":one")
                                ? Map.of("t", "x", "one", 1) : Map.of("t", "x");
                        List<String> texts = session.sqlRows(entry.sql(), parameters).stream()
                                .map(row -> row.getString(0)).toList();
                        assertThat(texts).as("%s on %s", entry.sql(), db).containsExactlyInAnyOrderElementsOf(entry.expected());
                    }
                }));
    }

    @Test
    void queryMethodsBindOnlyTheParametersInCode() {
        WordRepository words = RepositoryFactory.of(engine.sessionFactory()).create(WordRepository.class);
        assertThat(words.commented("x")).extracting(Word::text).containsExactly("x");
        assertThat(words.quoted("x")).extracting(Word::text).containsExactlyInAnyOrder("it's", "x");
    }

    @Test
    void executeLeavesQuestionMarksInCommentsAndStringsAlone() {
        try (Session session = engine.openSession()) {
            int changed = session.execute("update hw_word /* set text = ? */ set text = ':t?' where text = :t",
                    Map.of("t", "x"));
            session.commit();
            assertThat(changed).isEqualTo(1);
        }
        try (Session session = engine.openSession()) {
            assertThat(session.sqlRows("select text from hw_word where id = 1", Map.of()))
                    .extracting(row -> row.getString(0)).containsExactly(":t?");
        }
    }

    @Test
    void unterminatedCommentIsAnErrorNamingWhereItStarts() {
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.sqlRows("select text from hw_word where text = :t /* ?", Map.of("t", "x")))
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("unterminated block comment starting at offset 41")
                    .hasMessageContaining("end it with */");
        }
    }
}
