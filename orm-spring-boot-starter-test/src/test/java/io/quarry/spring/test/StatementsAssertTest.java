package io.quarry.spring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The assertions on recorded statements: what they count, and failures that list every statement. */
class StatementsAssertTest {

    private final StatementRecorder statements = new StatementRecorder();

    @BeforeEach
    void record() {
        statements.executed("insert into host (hostname, port) values (?, ?)", 3, 1_000);
        statements.executed("select id, hostname from host where hostname like ? escape '!'", 1, 1_000);
        statements.executed(" (select count(*) from host)", 1, 1_000);
        statements.executed("update host set port = ? where id = ?", 2, 1_000);
        statements.executed("delete from host where id = ?", 1, 1_000);
        statements.executed("merge into host (id, port) key (id) values (?, ?)", 1, 1_000);
    }

    @Test
    void countsEveryStatementOnceWhateverItsBatchSize() {
        assertThat(statements).hasCount(6).hasInsertCount(1).hasSelectCount(2).hasUpdateCount(1)
                .hasDeleteCount(1).hasCount(RecordedStatement.Kind.OTHER, 1);
        assertThat(statements.count()).isEqualTo(6);
        assertThat(statements.count(RecordedStatement.Kind.SELECT)).isEqualTo(2);
        assertThat(statements.list()).extracting(RecordedStatement::batchSize).containsExactly(3, 1, 1, 2, 1, 1);
    }

    @Test
    void aWrongCountListsTheStatementsNumberedWithTheirBatchSizes() {
        assertThatThrownBy(() -> statements.assertThat().hasCount(5)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 5 statements but Quarry ran 6:")
                .hasMessageContaining("\n  1. insert into host (hostname, port) values (?, ?) [batch of 3]\n"
                        + "  2. select id, hostname from host where hostname like ? escape '!'\n");
        assertThatThrownBy(() -> assertThat(statements).hasSelectCount(1))
                .hasMessageContaining("Expected 1 SELECT statement but Quarry ran 2:");
    }

    @Test
    void aSqlTextWithAPercentSignIsNotTakenForAFormat() {
        statements.clear();
        statements.executed("select id from host where hostname like '%web%'", 1, 1_000);

        assertThatThrownBy(() -> assertThat(statements).isEmpty())
                .hasMessageContaining("1. select id from host where hostname like '%web%'");
    }

    @Test
    void allMatchAndNoneMatchNameTheStatementsThatBrokeThem() {
        assertThat(statements).allMatch(sql -> sql.contains("host"), "naming host")
                .noneMatch(sql -> sql.contains("web-1"));

        assertThatThrownBy(() -> assertThat(statements).allMatch(sql -> !sql.startsWith("delete"), "not deleting"))
                .hasMessageContaining("Expected every statement to satisfy not deleting but 1 of 6 did not:\n"
                        + "  1. delete from host where id = ?\nAll statements:");
        assertThatThrownBy(() -> assertThat(statements).noneMatch(sql -> sql.contains("where id"), "by id"))
                .hasMessageContaining("Expected no statement to satisfy by id but 2 of 6 did:\n"
                        + "  1. update host set port = ? where id = ? [batch of 2]\n"
                        + "  2. delete from host where id = ?\n");
    }

    @Test
    void containsSqlMatchingLooksForTheExpressionAnywhereIgnoringCase() {
        assertThat(statements).containsSqlMatching("^UPDATE host set").containsSqlMatching("where id = \\?$");

        assertThatThrownBy(() -> assertThat(statements).containsSqlMatching("from datacenter"))
                .hasMessageContaining("Expected a statement matching /from datacenter/ but none of the 6 did:");
    }

    @Test
    void anAssertionSeesTheStatementsAsTheyWereWhenItBegan() {
        StatementsAssert taken = statements.assertThat();
        statements.clear();

        taken.hasCount(6);
        assertThat(statements).isEmpty();
        assertThat(statements.sql()).isEmpty();
    }

    @Test
    void theSqlTextsAreOpenToAssertJsListAssertions() {
        assertThat(statements).sql().hasSize(6).first().asString().startsWith("insert into host");
        assertThatThrownBy(() -> assertThat(statements).as("reads").sql().isEmpty())
                .hasMessageContaining("[reads]");
    }
}
