package io.quarry.spring.test;

import java.util.List;
import org.assertj.core.api.AssertProvider;

/**
 * The statements Quarry ran during the current test, in the order they ran: SQL text and batch
 * sizes, never bound values. A {@link QuarryTest @QuarryTest} context has one as a bean; it is
 * emptied right before each test method runs (after {@code @BeforeEach} methods, so the set-up they
 * flush is not counted) and may be emptied by hand with {@link #clear()}.
 *
 * <pre>{@code
 * @Autowired RecordedStatements statements;
 *
 * assertThat(statements).hasCount(2).hasSelectCount(1).hasInsertCount(1);
 * statements.assertThat().allMatch(sql -> sql.contains("host"));
 * }</pre>
 *
 * <p>Writes are only sent when the session flushes: before a query, at a commit (which a rolled back
 * test never reaches) or on {@code session.flush()}; flush before counting writes. Every statement
 * of the engine is recorded, from any thread. Thread-safe.
 */
public interface RecordedStatements extends AssertProvider<StatementsAssert> {

    /** The statements recorded since the last {@link #clear()}, oldest first; a copy. */
    List<RecordedStatement> list();

    /** Their SQL texts, oldest first. */
    List<String> sql();

    /** How many statements were recorded. */
    int count();

    /** How many recorded statements are of {@code kind}. */
    int count(RecordedStatement.Kind kind);

    /** Forgets every statement recorded so far. */
    void clear();

    /** AssertJ assertions on the statements recorded so far (also what {@code Assertions.assertThat(this)} returns). */
    @Override
    StatementsAssert assertThat();
}
