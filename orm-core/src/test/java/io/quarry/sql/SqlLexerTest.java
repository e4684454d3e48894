package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.dialect.Dialect;
import io.quarry.dialect.H2Dialect;
import io.quarry.dialect.LexicalRule;
import io.quarry.dialect.MySqlDialect;
import io.quarry.dialect.PostgresDialect;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SqlLexerTest {

    private static final Dialect H2 = new H2Dialect();
    private static final Dialect MYSQL = new MySqlDialect(false);
    private static final Dialect POSTGRES = new PostgresDialect();

    @Test
    void splitsCodeStringsIdentifiersAndCommentsEverywhere() {
        String sql = "select 'it''s', \"a\"\"b\" -- c\n/* d */ x";
        for (Dialect dialect : List.of(H2, POSTGRES)) {
            assertThat(render(sql, dialect)).isEqualTo("C[select ]S['it''s']C[, ]I[\"a\"\"b\"]C[ ]M[-- c]C[\n]M[/* d */]C[ x]");
        }
    }

    @Test
    void readsMySqlBackslashEscapesDoubleQuotedStringsBackticksAndHashComments() {
        assertThat(render("'a\\'b' \"c\\\"d\" `e``f` # g\nh", MYSQL))
                .isEqualTo("S['a\\'b']C[ ]S[\"c\\\"d\"]C[ ]I[`e``f`]C[ ]M[# g]C[\nh]");
        assertThat(render("'a\\\\' x", MYSQL)).isEqualTo("S['a\\\\']C[ x]");
        assertThat(render("'a\\\\' x", POSTGRES)).isEqualTo("S['a\\\\']C[ x]");
        assertThat(render("'a\\' x", POSTGRES)).isEqualTo("S['a\\']C[ x]");
    }

    @Test
    void takesDoubleDashAsAMySqlCommentOnlyBeforeWhitespace() {
        assertThat(render("1--1 x", MYSQL)).isEqualTo("C[1--1 x]");
        assertThat(render("1-- 1\nx", MYSQL)).isEqualTo("C[1]M[-- 1]C[\nx]");
        assertThat(render("1--", MYSQL)).isEqualTo("C[1]M[--]");
        assertThat(render("1--1 x", H2)).isEqualTo("C[1]M[--1 x]");
    }

    @Test
    void nestsBlockCommentsWhereTheDatabaseDoes() {
        String sql = "/* a /* b */ c */ d";
        assertThat(render(sql, POSTGRES)).isEqualTo("M[/* a /* b */ c */]C[ d]");
        assertThat(render(sql, H2)).isEqualTo("M[/* a /* b */ c */]C[ d]");
        assertThat(render(sql, MYSQL)).isEqualTo("M[/* a /* b */]C[ c */ d]");
    }

    @Test
    void readsDollarQuotesAndEscapeStringsOnPostgres() {
        assertThat(render("$$it's$$ $q$a $$ b$q$ $1 a$b$ E'x\\'y' date'z'", POSTGRES))
                .isEqualTo("S[$$it's$$]C[ ]S[$q$a $$ b$q$]C[ $1 a$b$ ]S[E'x\\'y']C[ date]S['z']");
        assertThat(render("E'x\\' y", H2)).isEqualTo("C[E]S['x\\']C[ y]");
    }

    @Test
    void tellsDollarQuotesFromDollarsInWordsAndParameters() {
        assertThat(render("$_a$ x $_a$ $a_1$ y $a_1$", POSTGRES)).isEqualTo("S[$_a$ x $_a$]C[ ]S[$a_1$ y $a_1$]");
        assertThat(render("a$$b$ x", POSTGRES)).isEqualTo("C[a$$b$ x]");
        assertThat(render("x_$q$ y", POSTGRES)).isEqualTo("C[x_$q$ y]");
        assertThat(render("x 1$q$ y", POSTGRES)).isEqualTo("C[x 1$q$ y]");
        assertThat(render("x $ab", POSTGRES)).isEqualTo("C[x $ab]");
        assertThat(render("x $", POSTGRES)).isEqualTo("C[x $]");
        assertThat(render("e'x\\'y' xe'z'", POSTGRES)).isEqualTo("S[e'x\\'y']C[ xe]S['z']");
    }

    @Test
    void endsCommentsAtTheEndOfTheText() {
        assertThat(render("a /**/", POSTGRES)).isEqualTo("C[a ]M[/**/]");
        assertThat(render("a -- b", POSTGRES)).isEqualTo("C[a ]M[-- b]");
        assertThat(render("1--\u0001x", MYSQL)).isEqualTo("C[1]M[--\u0001x]");
        assertThat(render("1--\tx", MYSQL)).isEqualTo("C[1]M[--\tx]");
    }

    @Test
    void readsSlashSlashCommentsOnH2Only() {
        assertThat(render("a // b\nc", H2)).isEqualTo("C[a ]M[// b]C[\nc]");
        assertThat(render("a // b\nc", POSTGRES)).isEqualTo("C[a // b\nc]");
    }

    @Test
    void refusesUnterminatedTextNamingWhatAndWhere() {
        assertThatThrownBy(() -> SqlLexer.split("select 'abc", Set.of())).isInstanceOf(QuarryException.class)
                .hasMessage("SQL [select 'abc] has an unterminated string literal starting at offset 7 ('abc); end it"
                        + " with ' (write '' for a ' inside it)");
        assertThatThrownBy(() -> SqlLexer.split("select 'a\\'", MYSQL.lexicalRules()))
                .hasMessageContaining("unterminated string literal starting at offset 7")
                .hasMessageContaining("a trailing backslash is written \\\\");
        assertThatThrownBy(() -> SqlLexer.split("select 'a", MYSQL.lexicalRules()))
                .hasMessageContaining("(write '' or \\' for a ' inside it");
        assertThatThrownBy(() -> SqlLexer.split("select \"a", MYSQL.lexicalRules()))
                .hasMessageContaining("unterminated string literal starting at offset 7");
        assertThatThrownBy(() -> SqlLexer.split("select `a", MYSQL.lexicalRules()))
                .hasMessageContaining("unterminated quoted identifier starting at offset 7 (`a); end it with ` (write ``");
        assertThatThrownBy(() -> SqlLexer.split("select /* a *", MYSQL.lexicalRules()))
                .hasMessage("SQL [select /* a *] has an unterminated block comment starting at offset 7 (/* a *); end it"
                        + " with */");
        assertThatThrownBy(() -> SqlLexer.split("select /* a /", POSTGRES.lexicalRules()))
                .hasMessageContaining("unterminated block comment starting at offset 7");
        assertThatThrownBy(() -> SqlLexer.split("select '" + "x".repeat(29), Set.<LexicalRule>of()))
                .hasMessageContaining("('" + "x".repeat(29) + "); end it with '");
        assertThatThrownBy(() -> SqlLexer.split("select \"a", Set.of()))
                .hasMessageContaining("unterminated quoted identifier starting at offset 7");
        assertThatThrownBy(() -> SqlLexer.split("select 1 /* a /* b */", POSTGRES.lexicalRules()))
                .hasMessageContaining("unterminated block comment starting at offset 9")
                .hasMessageContaining("each /* inside it needs its own */");
        assertThatThrownBy(() -> SqlLexer.split("select $f$ body", POSTGRES.lexicalRules()))
                .hasMessageContaining("unterminated dollar-quoted string starting at offset 7 ($f$ body); end it with $f$");
        assertThatThrownBy(() -> SqlLexer.split("select '" + "x".repeat(40), Set.<LexicalRule>of()))
                .hasMessageContaining("('" + "x".repeat(29) + "...); end it with '");
    }

    private static String render(String sql, Dialect dialect) {
        StringBuilder out = new StringBuilder();
        for (SqlLexer.Span span : SqlLexer.split(sql, dialect.lexicalRules())) {
            out.append(switch (span.kind()) {
                case CODE -> 'C';
                case STRING -> 'S';
                case QUOTED_IDENTIFIER -> 'I';
                case COMMENT -> 'M';
            }).append('[').append(sql, span.start(), span.end()).append(']');
        }
        return out.toString();
    }
}
