package io.quarry.session;

import java.util.ArrayList;
import java.util.List;

/** Collects the statements an engine runs, as "sql [xN]" lines. Thread-safe enough for one test thread. */
final class RecordedStatements implements StatementListener {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void executed(String sql, int rows, long nanos) {
        lines.add(rows > 1 ? sql + " [x" + rows + "]" : sql);
    }

    synchronized List<String> take() {
        List<String> copy = List.copyOf(lines);
        lines.clear();
        return copy;
    }
}
