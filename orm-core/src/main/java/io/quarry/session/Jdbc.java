package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Runs rendered statements on a session's connection with logging and error translation. Stateless. */
final class Jdbc {

    static final Object[] NO_ARGS = new Object[0];

    /** Reads a whole result set. */
    @FunctionalInterface
    interface ResultReader<R> {
        R read(ResultSet resultSet) throws SQLException;
    }

    private Jdbc() {
    }

    static <R> R query(Session session, String task, SqlStatement statement, Object[] args, ResultReader<R> reader) {
        Connection connection = session.connection();
        SqlRunner runner = session.engine().runner();
        long start = System.nanoTime();
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            bind(statement, prepared, args, task);
            runner.traceValues(statement.values());
            try (ResultSet resultSet = prepared.executeQuery()) {
                R result = reader.read(resultSet);
                runner.executed(statement.sql(), 1, start);
                return result;
            }
        } catch (SQLException e) {
            throw runner.translate(task, statement.sql(), e);
        }
    }

    /** Binds the parameters; a codec that fails (a user codec, a wrong value type) is reported with the SQL. */
    static void bind(SqlStatement statement, PreparedStatement prepared, Object[] args, String task) throws SQLException {
        try {
            statement.bind(prepared, args);
        } catch (QuarryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new QuarryException(task + "; SQL [" + statement.sql() + "]; cannot bind a parameter: " + e, e);
        }
    }

    static int update(Session session, String task, SqlStatement statement, Object[] args) {
        Connection connection = session.connection();
        SqlRunner runner = session.engine().runner();
        long start = System.nanoTime();
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            bind(statement, prepared, args, task);
            runner.traceValues(statement.values());
            int count = prepared.executeUpdate();
            runner.executed(statement.sql(), 1, start);
            return count;
        } catch (SQLException e) {
            throw runner.translate(task, statement.sql(), e);
        }
    }
}
