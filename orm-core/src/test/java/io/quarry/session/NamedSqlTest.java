package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.dialect.LexicalRule;
import io.quarry.dialect.MySqlDialect;
import io.quarry.dialect.PostgresDialect;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void turnsNamedParametersIntoPlaceholdersInOrder() {
        NamedSql sql = parse("select * from host where hostname = :name and port > :port or hostname = :name");
        assertThat(sql.sql()).isEqualTo("select * from host where hostname = ? and port > ? or hostname = ?");
        assertThat(sql.names()).containsExactly("name", "port", "name");
    }

    @Test
    void turnsNumberedParametersIntoPlaceholders() {
        NamedSql sql = parse("select * from host where port between ?1 and ?2");
        assertThat(sql.sql()).isEqualTo("select * from host where port between ? and ?");
        assertThat(sql.names()).containsExactly("1", "2");
    }

    @Test
    void leavesQuotesCommentsAndPostgresCastsAlone() {
        NamedSql sql = parse("select ':no', \"a:b\", x::text -- :comment\nfrom t where y = :yes");
        assertThat(sql.sql()).isEqualTo("select ':no', \"a:b\", x::text -- :comment\nfrom t where y = ?");
        assertThat(sql.names()).containsExactly("yes");
    }

    @Test
    void rejectsBareQuestionMarks() {
        assertThatThrownBy(() -> parse("select * from host where id = ?"))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("bare '?'")
                .hasMessageContaining("name the parameter (:name) or number it (?1)");
    }

    @Test
    void leavesParametersInCommentsStringsAndIdentifiersAlone() {
        NamedSql sql = parse("select '?', \"x?\" /* :a ? */ from t -- ?\nwhere y = :yes and z = ?1");
        assertThat(sql.sql()).isEqualTo("select '?', \"x?\" /* :a ? */ from t -- ?\nwhere y = ? and z = ?");
        assertThat(sql.names()).containsExactly("yes", "1");
    }

    @Test
    void readsStringsAsTheDatabaseDoes() {
        String text = "select 'it\\'s :no' from t where y = :yes";
        assertThat(NamedSql.parse(text, new MySqlDialect(false).lexicalRules()).names()).containsExactly("yes");
        assertThat(NamedSql.parse("select $$ :no $$, E'\\' :no', x::int from t where y = :yes",
                new PostgresDialect().lexicalRules()).names()).containsExactly("yes");
        assertThatThrownBy(() -> parse(text)).isInstanceOf(QuarryException.class)
                .hasMessageContaining("unterminated string literal starting at offset 17");
    }

    @Test
    void keepsParameterNamesApartFromWhatFollows() {
        NamedSql sql = parse("select :a||:b, :c::text, ?12+?3, :d'x'");
        assertThat(sql.sql()).isEqualTo("select ?||?, ?::text, ?+?, ?'x'");
        assertThat(sql.names()).containsExactly("a", "b", "c", "12", "3", "d");
    }

    @Test
    void recordsWhereEachPlaceholderStands() {
        NamedSql sql = parse("select * from t where a in (:ids) and b = any(:ids) and c = :c and d in :ds "
                + "and e in (:one, :two) and f = all ( :arr ::int[]) and g = any(:x + 1)");
        assertThat(sql.positions()).hasSize(8).allSatisfy(position -> assertThat(sql.sql().charAt(position)).isEqualTo('?'));
        assertThat(java.util.stream.IntStream.range(0, 8).mapToObj(sql::context)).containsExactly(
                NamedSql.Context.LIST, NamedSql.Context.ARRAY_ARGUMENT, NamedSql.Context.SINGLE,
                NamedSql.Context.AFTER_IN, NamedSql.Context.LIST, NamedSql.Context.LIST,
                NamedSql.Context.ARRAY_ARGUMENT, NamedSql.Context.LIST);
    }

    @Test
    void expandsPlaceholdersIntoListsKeepingTheTextAroundThem() {
        NamedSql sql = parse("select * from t where a in (:ids) and b = :b and c in :cs -- ?\n");
        assertThat(sql.expand(new int[] {3, -1, 2}))
                .isEqualTo("select * from t where a in (?, ?, ?) and b = ? and c in (?, ?) -- ?\n");
        assertThat(sql.expand(new int[] {0, -1, 0}))
                .isEqualTo("select * from t where a in (null) and b = ? and c in (null) -- ?\n");
        assertThat(sql.expand(new int[] {-1, -1, -1})).isEqualTo(sql.sql());
    }

    @Test
    void placeholdersAtTheVeryStartOrEndOfTheTextAreReadLikeAnyOther() {
        assertThat(parse("(:a)").context(0)).isEqualTo(NamedSql.Context.LIST);
        assertThat(parse(",:a").context(0)).isEqualTo(NamedSql.Context.LIST);
        assertThat(parse("x in (:a").context(0)).isEqualTo(NamedSql.Context.LIST);
        assertThat(parse("in :a").context(0)).isEqualTo(NamedSql.Context.AFTER_IN);
        assertThat(parse("any(:a)").context(0)).isEqualTo(NamedSql.Context.ARRAY_ARGUMENT);
    }

    @Test
    void aFunctionWhoseNameOnlyEndsInAnArrayFunctionTakesAList() {
        assertThat(parse("select my_any(:a)").context(0)).isEqualTo(NamedSql.Context.LIST);
        assertThat(parse("select x1any(:a)").context(0)).isEqualTo(NamedSql.Context.LIST);
        assertThat(parse("select any(:a)").context(0)).isEqualTo(NamedSql.Context.ARRAY_ARGUMENT);
    }

    @Test
    void aShortStatementExpandsToALongerOne() {
        assertThat(parse("in :a").expand(new int[] {3})).isEqualTo("in (?, ?, ?)");
        assertThat(parse(":a").expand(new int[] {2})).isEqualTo("?, ?");
    }

    @Test
    void aPlaceholderNeedsItsPosition() {
        assertThatThrownBy(() -> new NamedSql("select ?", java.util.List.of("a", "b"), java.util.List.of(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one position per name");
        assertThat(new NamedSql("select ?", java.util.List.of("a"), java.util.List.of(7)).names()).containsExactly("a");
    }

    private static NamedSql parse(String sql) {
        return NamedSql.parse(sql, Set.<LexicalRule>of());
    }
}
