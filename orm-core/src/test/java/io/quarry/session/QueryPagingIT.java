package io.quarry.session;

import static io.quarry.sql.Sql.asc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Query.page}: which pages need a count statement (only those whose rows cannot tell the
 * total), the totals at the edges, and the page numbers and sizes refused.
 */
@CrossDatabaseTest
class QueryPagingIT {

    private final TestDatabase db;
    private final RecordedStatements statements = new RecordedStatements();
    private Engine engine;

    QueryPagingIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        engine = Engine.builder(db.dataSource()).statementListener(statements).build();
        engine.dropAll(WalkthroughHost.class);
        engine.createAll(WalkthroughHost.class);
        statements.take();
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(WalkthroughHost.class);
    }

    private void addHosts(int count) {
        try (Session session = engine.openSession()) {
            for (int i = 1; i <= count; i++) {
                session.add(new WalkthroughHost("host-" + (i < 10 ? "0" : "") + i, "10.1.0." + i));
            }
            session.commit();
        }
        statements.take();
    }

    private PageResult<WalkthroughHost> page(int number, int size) {
        try (Session session = engine.openSession()) {
            return session.query(WalkthroughHost.class).orderBy(asc("hostname")).page(number, size);
        }
    }

    private int statementsRun() {
        return statements.take().size();
    }

    @Test
    void aPartlyFilledLastPageTellsTheTotalWithoutACount() {
        addHosts(25);

        PageResult<WalkthroughHost> last = page(2, 10);

        assertThat(statementsRun()).as("on %s", db).isEqualTo(1);
        assertThat(last.totalElements()).isEqualTo(25);
        assertThat(last.content()).hasSize(5);
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void aFullPageCountsTheRows() {
        addHosts(25);

        PageResult<WalkthroughHost> first = page(0, 10);

        assertThat(statementsRun()).as("on %s", db).isEqualTo(2);
        assertThat(first.totalElements()).isEqualTo(25);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
    }

    @Test
    void aPageExactlyAsLargeAsTheRowsLeftCountsAndHasNoNext() {
        addHosts(20);

        PageResult<WalkthroughHost> second = page(1, 10);

        assertThat(statementsRun()).as("a full page cannot tell whether more follow, on %s", db).isEqualTo(2);
        assertThat(second.totalElements()).isEqualTo(20);
        assertThat(second.totalPages()).isEqualTo(2);
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void aPageBeyondTheLastCountsTheRows() {
        addHosts(25);

        PageResult<WalkthroughHost> beyond = page(3, 10);

        assertThat(statementsRun()).as("on %s", db).isEqualTo(2);
        assertThat(beyond.content()).isEmpty();
        assertThat(beyond.totalElements()).isEqualTo(25);
    }

    @Test
    void theFirstPageOfAnEmptyResultIsEmptyWithoutACount() {
        PageResult<WalkthroughHost> empty = page(0, 10);

        assertThat(statementsRun()).as("on %s", db).isEqualTo(1);
        assertThat(empty.totalElements()).isZero();
        assertThat(empty.totalPages()).isZero();
        assertThat(empty.hasNext()).isFalse();
    }

    @Test
    void aFirstPageLargerThanTheResultHoldsEverythingWithoutACount() {
        addHosts(3);

        PageResult<WalkthroughHost> all = page(0, 10);

        assertThat(statementsRun()).as("on %s", db).isEqualTo(1);
        assertThat(all.content()).extracting(h -> h.hostname).containsExactly("host-01", "host-02", "host-03");
        assertThat(all.totalElements()).isEqualTo(3);
        assertThat(all.totalPages()).isEqualTo(1);
    }

    @Test
    void pagesOfOneRowAreAllowed() {
        addHosts(3);

        PageResult<WalkthroughHost> second = page(1, 1);

        assertThat(second.content()).extracting(h -> h.hostname).containsExactly("host-02");
        assertThat(second.totalElements()).isEqualTo(3);
        assertThat(second.hasNext()).isTrue();
    }

    @Test
    void refusesANegativePageNumberAndAPageSizeBelowOne() {
        assertThatThrownBy(() -> page(-1, 10))
                .isInstanceOf(QuarryException.class)
                .hasMessage("page(-1, 10): the page number must be >= 0 and the size >= 1");
        assertThatThrownBy(() -> page(0, 0))
                .isInstanceOf(QuarryException.class)
                .hasMessage("page(0, 0): the page number must be >= 0 and the size >= 1");
        assertThat(statementsRun()).isZero();
    }
}
