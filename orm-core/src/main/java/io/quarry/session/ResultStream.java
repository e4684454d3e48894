package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.sql.SqlStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A stream over an open result set that closes the statement when the stream is closed. Not thread-safe. */
final class ResultStream {

    /** Maps the current row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet resultSet) throws SQLException;
    }

    private ResultStream() {
    }

    static <T> Stream<T> of(Session session, String task, SqlStatement statement, Object[] args, RowMapper<T> mapper) {
        SqlRunner runner = session.engine().runner();
        PreparedStatement prepared = null;
        long start = System.nanoTime();
        try {
            prepared = session.connection().prepareStatement(statement.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            // without a fetch size MySQL and PostgreSQL read the whole result into memory first
            prepared.setFetchSize(session.engine().dialect().streamingFetchSize());
            try {
                Jdbc.bind(statement, prepared, args, task);
            } catch (RuntimeException e) {
                close(prepared, runner, task);
                throw e;
            }
            ResultSet resultSet = prepared.executeQuery();
            runner.executed(statement.sql(), 1, start);
            PreparedStatement toClose = prepared;
            Spliterator<T> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
                @Override
                public boolean tryAdvance(Consumer<? super T> action) {
                    try {
                        if (!resultSet.next()) {
                            return false;
                        }
                        action.accept(mapper.map(resultSet));
                        return true;
                    } catch (SQLException e) {
                        throw runner.translate(task, statement.sql(), e);
                    }
                }
            };
            return StreamSupport.stream(rows, false).onClose(() -> close(toClose, runner, task));
        } catch (SQLException e) {
            if (prepared != null) {
                close(prepared, runner, task);
            }
            throw runner.translate(task, statement.sql(), e);
        }
    }

    private static void close(PreparedStatement statement, SqlRunner runner, String task) {
        try {
            statement.close();
        } catch (SQLException e) {
            QuarryException failure = runner.translate("close stream of " + task, null, e);
            throw failure;
        }
    }
}
