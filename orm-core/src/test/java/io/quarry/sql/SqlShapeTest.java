package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.dialect.LexicalRule;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Statement shapes: IN lists of parameters of any size are one shape; nothing else of the text changes. */
class SqlShapeTest {

    private static final Set<LexicalRule> STANDARD = EnumSet.noneOf(LexicalRule.class);

    private static String shape(String sql) {
        return SqlShape.of(sql, STANDARD);
    }

    @Test
    void inListsOfAnySizeAreWrittenAsOneShape() {
        assertThat(shape("select a from t where id in (?)")).isEqualTo("select a from t where id in (...)");
        assertThat(shape("select a from t where id in (?, ?, ?)")).isEqualTo("select a from t where id in (...)");
        assertThat(shape("select a from t where id IN(?,?) and b not in ( ? , ? ) or c in (?)"))
                .isEqualTo("select a from t where id IN (...) and b not in (...) or c in (...)");
    }

    @Test
    void textWithoutAnInListOfParametersIsItsOwnShapeAndTheSameInstance() {
        String sql = "select a from t where id = ? and b in (1, 2) and c in (?, 3) and d in (select x from u where y = ?)";
        assertThat(shape(sql)).isSameAs(sql);
        String noParameters = "select a from t";
        assertThat(shape(noParameters)).isSameAs(noParameters);
    }

    @Test
    void wordsEndingInInAreNotTheKeyword() {
        String sql = "select coin(?, ?), join_in(?), \"in\"(?) from t where x = ?";
        assertThat(shape(sql)).isSameAs(sql);
    }

    @Test
    void literalsAndCommentsStayAsTheyAre() {
        assertThat(shape("select 'in (?, ?)' from t /* in (?, ?) */ where id in (?, ?) -- in (?)\n"))
                .isEqualTo("select 'in (?, ?)' from t /* in (?, ?) */ where id in (...) -- in (?)\n");
    }

    @Test
    void textTheLexerCannotReadIsItsOwnShape() {
        String sql = "select 'open from t where id in (?, ?)";
        assertThat(shape(sql)).isSameAs(sql);
    }
}
