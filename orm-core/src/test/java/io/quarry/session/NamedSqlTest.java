package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void turnsNamedParametersIntoPlaceholdersInOrder() {
        NamedSql sql = NamedSql.parse("select * from host where hostname = :name and port > :port or hostname = :name");
        assertThat(sql.sql()).isEqualTo("select * from host where hostname = ? and port > ? or hostname = ?");
        assertThat(sql.names()).containsExactly("name", "port", "name");
    }

    @Test
    void turnsNumberedParametersIntoPlaceholders() {
        NamedSql sql = NamedSql.parse("select * from host where port between ?1 and ?2");
        assertThat(sql.sql()).isEqualTo("select * from host where port between ? and ?");
        assertThat(sql.names()).containsExactly("1", "2");
    }

    @Test
    void leavesQuotesCommentsAndPostgresCastsAlone() {
        NamedSql sql = NamedSql.parse("select ':no', \"a:b\", x::text -- :comment\nfrom t where y = :yes");
        assertThat(sql.sql()).isEqualTo("select ':no', \"a:b\", x::text -- :comment\nfrom t where y = ?");
        assertThat(sql.names()).containsExactly("yes");
    }

    @Test
    void rejectsBareQuestionMarks() {
        assertThatThrownBy(() -> NamedSql.parse("select * from host where id = ?"))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("bare '?'")
                .hasMessageContaining("name the parameter (:name) or number it (?1)");
    }
}
