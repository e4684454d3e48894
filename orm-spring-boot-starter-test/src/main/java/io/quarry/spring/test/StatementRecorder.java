package io.quarry.spring.test;

import io.quarry.session.StatementListener;
import java.util.ArrayList;
import java.util.List;

/** The engine's statement listener behind {@link RecordedStatements}; a lock guards the list. */
final class StatementRecorder implements RecordedStatements, StatementListener {

    private final List<RecordedStatement> statements = new ArrayList<>();

    @Override
    public void executed(String sql, int rows, long nanos) {
        RecordedStatement statement = new RecordedStatement(sql, rows);
        synchronized (statements) {
            statements.add(statement);
        }
    }

    @Override
    public List<RecordedStatement> list() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    @Override
    public List<String> sql() {
        return list().stream().map(RecordedStatement::sql).toList();
    }

    @Override
    public int count() {
        synchronized (statements) {
            return statements.size();
        }
    }

    @Override
    public int count(RecordedStatement.Kind kind) {
        return (int) list().stream().filter(statement -> statement.kind() == kind).count();
    }

    @Override
    public void clear() {
        synchronized (statements) {
            statements.clear();
        }
    }

    @Override
    public StatementsAssert assertThat() {
        return new StatementsAssert(this);
    }

    @Override
    public String toString() {
        return StatementsAssert.describe(list());
    }
}
