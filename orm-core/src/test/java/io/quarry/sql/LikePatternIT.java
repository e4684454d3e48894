package io.quarry.sql;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One LIKE pattern selects the same rows on every database: in {@code like(pattern)} only {@code %}
 * and {@code _} are special (a backslash is itself, though it is each database's default escape
 * character), and {@code like(pattern, escape)} means what the SQL standard says.
 */
@CrossDatabaseTest
class LikePatternIT {

    @Entity
    @Table(name = "lp_word")
    record Word(@Id Long id, String text) {
    }

    interface WordRepository extends CrudRepository<Word, Long> {
        List<Word> findByTextLike(String pattern);

        List<Word> findByTextNotLike(String pattern);

        List<Word> findByTextLikeIgnoreCase(String pattern);
    }

    private static final List<String> TEXTS = List.of("a\\", "a\\b", "ab", "a%", "a%b", "a_b", "axb", "a!", "a!b", "a!!",
            "a#", "\\", "%", "_", "!", "A\\", "b\\\\c", "x\uD83D\uDE00y");

    private final TestDatabase db;
    private final Engine engine;

    LikePatternIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    @BeforeEach
    void fill() {
        engine.dropAll(Word.class);
        engine.createAll(Word.class);
        try (Session session = engine.openSession()) {
            for (int i = 0; i < TEXTS.size(); i++) {
                session.add(new Word((long) i, TEXTS.get(i)));
            }
            session.commit();
        }
    }

    @AfterEach
    void drop() {
        engine.dropAll(Word.class);
    }

    static Stream<Arguments> patterns() {
        return Stream.of(
                like("a\\", "a\\"),
                like("a\\b", "a\\b"),
                like("a\\%", "a\\", "a\\b"),
                like("%\\", "a\\", "\\", "A\\"),
                like("\\", "\\"),
                like("%\\\\%", "b\\\\c"),
                like("\\_", new String[0]),
                like("a!", "a!"),
                like("a!%", "a!", "a!b", "a!!"),
                like("a!!", "a!!"),
                like("%!", "a!", "a!!", "!"),
                like("!_", new String[0]),
                like("a_b", "a\\b", "a%b", "a_b", "axb", "a!b"),
                like("a%b", "a\\b", "ab", "a%b", "a_b", "axb", "a!b"),
                like("_", "\\", "%", "_", "!"),
                escaped("a#%", '#', "a%"),
                escaped("a#_b", '#', "a_b"),
                escaped("a##", '#', "a#"),
                escaped("%#%%", '#', "a%", "a%b", "%"),
                escaped("a\\#_", '#', new String[0]),
                escaped("a\\%", '#', "a\\", "a\\b"),
                escaped("a!_b", '!', "a_b"),
                escaped("a!!", '!', "a!"),
                escaped("a!!%", '!', "a!", "a!b", "a!!"));
    }

    private static Arguments like(String pattern, String... expected) {
        return Arguments.of("like '" + pattern + "'", (Function<Column<String>, Predicate>) column -> column.like(pattern),
                pattern, List.of(expected));
    }

    private static Arguments escaped(String pattern, char escape, String... expected) {
        return Arguments.of("like '" + pattern + "' escape '" + escape + "'",
                (Function<Column<String>, Predicate>) column -> column.like(pattern, escape), null, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void patternMatchesTheSameTextsEverywhere(String label, Function<Column<String>, Predicate> like, String pattern,
            List<String> expected) {
        assertThat(texts(like.apply(col("text")))).as("%s on %s", label, db).containsExactlyInAnyOrderElementsOf(expected);
        List<String> rest = new ArrayList<>(TEXTS);
        rest.removeAll(expected);
        assertThat(texts(Sql.not(like.apply(col("text"))))).as("not %s on %s", label, db)
                .containsExactlyInAnyOrderElementsOf(rest);
        if (pattern != null) {
            assertThat(texts(col("text").notLike(pattern))).as("notLike %s on %s", label, db)
                    .containsExactlyInAnyOrderElementsOf(rest);
            WordRepository words = RepositoryFactory.of(engine.sessionFactory()).create(WordRepository.class);
            assertThat(words.findByTextLike(pattern)).as("findByTextLike %s on %s", label, db)
                    .extracting(Word::text).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(words.findByTextNotLike(pattern)).as("findByTextNotLike %s on %s", label, db)
                    .extracting(Word::text).containsExactlyInAnyOrderElementsOf(rest);
        }
    }

    @Test
    void likeIgnoreCaseTakesBackslashLiterally() {
        assertThat(texts(col("text").likeIgnoreCase("A\\"))).containsExactlyInAnyOrder("a\\", "A\\");
        WordRepository words = RepositoryFactory.of(engine.sessionFactory()).create(WordRepository.class);
        assertThat(words.findByTextLikeIgnoreCase("A\\")).extracting(Word::text).containsExactlyInAnyOrder("a\\", "A\\");
    }

    @Test
    void refusesAnEscapeCharacterThatEscapesNothing() {
        assertThatThrownBy(() -> col("text").like("a#", '#')).isInstanceOf(QuarryException.class)
                .hasMessageContaining("offset 1 at the end").hasMessageContaining("write ## for a literal '#'");
        assertThatThrownBy(() -> col("text").notLike("#ab", '#')).isInstanceOf(QuarryException.class)
                .hasMessageContaining("offset 0 before 'a'");
    }

    /** H2 counts UTF-16 chars: an emoji outside the BMP is two characters to {@code _} there, one elsewhere. */
    @Test
    void underscoreMatchesAnEmojiAsOneCharacterExceptOnH2() {
        boolean h2 = db.name().equals("h2");
        assertThat(texts(col("text").like("x_y"))).hasSize(h2 ? 0 : 1);
        assertThat(texts(col("text").like("x__y"))).hasSize(h2 ? 1 : 0);
        assertThat(texts(col("text").like("x%y"))).containsExactly("x\uD83D\uDE00y");
    }

    private List<String> texts(Predicate predicate) {
        try (Session session = engine.openSession()) {
            return session.query(Word.class).filter(predicate).orderBy(asc("id")).all().stream().map(Word::text).toList();
        }
    }
}
