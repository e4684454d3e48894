package io.quarry.spring.test;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * AssertJ assertions on the statements a test ran, taken as they were when the assertion began. A
 * failure lists every statement, numbered, with its batch size. Not thread-safe (an assertion).
 */
public final class StatementsAssert extends AbstractAssert<StatementsAssert, List<RecordedStatement>> {

    StatementsAssert(RecordedStatements statements) {
        super(statements.list(), StatementsAssert.class);
    }

    /** Exactly {@code expected} statements ran (a batch is one statement). */
    public StatementsAssert hasCount(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            fail("Expected " + statements(expected) + " but Quarry ran " + actual.size() + ":" + describe(actual));
        }
        return this;
    }

    /** No statement ran. */
    public StatementsAssert isEmpty() {
        return hasCount(0);
    }

    /** Exactly {@code expected} SELECT statements ran, whatever else did. */
    public StatementsAssert hasSelectCount(int expected) {
        return hasCount(RecordedStatement.Kind.SELECT, expected);
    }

    /** Exactly {@code expected} INSERT statements ran (a batch of inserts is one). */
    public StatementsAssert hasInsertCount(int expected) {
        return hasCount(RecordedStatement.Kind.INSERT, expected);
    }

    /** Exactly {@code expected} UPDATE statements ran (a batch of updates is one). */
    public StatementsAssert hasUpdateCount(int expected) {
        return hasCount(RecordedStatement.Kind.UPDATE, expected);
    }

    /** Exactly {@code expected} DELETE statements ran (a batch of deletes is one). */
    public StatementsAssert hasDeleteCount(int expected) {
        return hasCount(RecordedStatement.Kind.DELETE, expected);
    }

    /** Exactly {@code expected} statements of {@code kind} ran, whatever else did. */
    public StatementsAssert hasCount(RecordedStatement.Kind kind, int expected) {
        isNotNull();
        long found = actual.stream().filter(statement -> statement.kind() == kind).count();
        if (found != expected) {
            fail("Expected " + statements(expected).replace("statement", kind + " statement") + " but Quarry ran "
                    + found + ":" + describe(actual));
        }
        return this;
    }

    /** Every statement's SQL text satisfies {@code condition}. */
    public StatementsAssert allMatch(Predicate<? super String> condition) {
        return allMatch(condition, "the condition");
    }

    /** Every statement's SQL text satisfies {@code condition}, which {@code description} names in a failure. */
    public StatementsAssert allMatch(Predicate<? super String> condition, String description) {
        isNotNull();
        List<RecordedStatement> failing = actual.stream().filter(statement -> !condition.test(statement.sql())).toList();
        if (!failing.isEmpty()) {
            fail("Expected every statement to satisfy " + description + " but " + failing.size() + " of "
                    + actual.size() + " did not:" + describe(failing) + "\nAll statements:" + describe(actual));
        }
        return this;
    }

    /** No statement's SQL text satisfies {@code condition}. */
    public StatementsAssert noneMatch(Predicate<? super String> condition) {
        return noneMatch(condition, "the condition");
    }

    /** No statement's SQL text satisfies {@code condition}, which {@code description} names in a failure. */
    public StatementsAssert noneMatch(Predicate<? super String> condition, String description) {
        isNotNull();
        List<RecordedStatement> matching = actual.stream().filter(statement -> condition.test(statement.sql())).toList();
        if (!matching.isEmpty()) {
            fail("Expected no statement to satisfy " + description + " but " + matching.size() + " of "
                    + actual.size() + " did:" + describe(matching) + "\nAll statements:" + describe(actual));
        }
        return this;
    }

    /**
     * Some statement's SQL text contains a match of {@code regex}, ignoring case
     * ({@code "from host where .* in \\("}).
     */
    public StatementsAssert containsSqlMatching(String regex) {
        isNotNull();
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        if (actual.stream().noneMatch(statement -> pattern.matcher(statement.sql()).find())) {
            fail("Expected a statement matching /" + regex + "/ but none of the " + actual.size() + " did:"
                    + describe(actual));
        }
        return this;
    }

    /** AssertJ's list assertions on the SQL texts, oldest first, for anything the methods above do not say. */
    public ListAssert<String> sql() {
        isNotNull();
        return Assertions.assertThat(actual.stream().map(RecordedStatement::sql).toList())
                .as(descriptionText().isEmpty() ? "SQL of the recorded statements" : descriptionText());
    }

    /** The failure, with SQL passed as an argument so that a {@code %} in it is not a format. */
    private void fail(String message) {
        failWithMessage("%s", message);
    }

    private static String statements(int count) {
        return count == 1 ? "1 statement" : count + " statements";
    }

    /** The statements numbered one per line, or a note that there are none. */
    static String describe(List<RecordedStatement> statements) {
        if (statements.isEmpty()) {
            return " (none)";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            text.append("\n  ").append(i + 1).append(". ").append(statements.get(i));
        }
        return text.toString();
    }
}
