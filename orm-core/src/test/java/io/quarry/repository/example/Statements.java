package io.quarry.repository.example;

import io.quarry.session.StatementListener;
import java.util.ArrayList;
import java.util.List;

/** Records the SQL an engine runs, so that tests assert exact statement counts. */
final class Statements implements StatementListener {

    private final List<String> sql = new ArrayList<>();

    @Override
    public synchronized void executed(String text, int rows, long nanos) {
        sql.add(text);
    }

    synchronized List<String> take() {
        List<String> copy = List.copyOf(sql);
        sql.clear();
        return copy;
    }
}
