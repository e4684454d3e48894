package io.quarry.session;

import io.quarry.mapping.EntityModel;
import io.quarry.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reads of {@link StatementSession}: statements rendered once (by repositories, at start-up),
 * run after autoflush on the session's connection, their rows loaded through the identity map or
 * mapped by a {@link ResultMapper}. A view of one session; not thread-safe.
 */
final class RenderedStatements {

    private final SessionSupport session;

    RenderedStatements(SessionSupport session) {
        this.session = session;
    }

    <T> List<T> list(EntityModel<T> model, SqlStatement statement, Object[] args) {
        prepare();
        RowLoader loader = session.loader();
        return session.runQuery("query " + model.type().getSimpleName(), statement, args, resultSet -> {
            List<T> result = new ArrayList<>();
            while (resultSet.next()) {
                result.add(loader.load(resultSet, model, null, true));
            }
            return result;
        });
    }

    <R> List<R> list(SqlStatement statement, Object[] args, ResultMapper<R> mapper) {
        prepare();
        return session.runQuery("query", statement, args, resultSet -> {
            List<R> result = new ArrayList<>();
            while (resultSet.next()) {
                result.add(mapper.map(resultSet));
            }
            return result;
        });
    }

    <T> Stream<T> stream(EntityModel<T> model, SqlStatement statement, Object[] args) {
        prepare();
        RowLoader loader = session.loader();
        return session.runStream("query " + model.type().getSimpleName(), statement, args,
                resultSet -> loader.load(resultSet, model, null, false));
    }

    <R> Stream<R> stream(SqlStatement statement, Object[] args, ResultMapper<R> mapper) {
        prepare();
        return session.runStream("query", statement, args, mapper::map);
    }

    <T> List<T> listByColumnLabel(EntityModel<T> model, SqlStatement statement, Object[] args) {
        prepare();
        RowLoader loader = session.loader();
        return session.runQuery("SQL query of " + model.type().getSimpleName(), statement, args, resultSet -> {
            int[] columns = RawSql.entityColumns(model, resultSet);
            List<T> result = new ArrayList<>();
            while (resultSet.next()) {
                result.add(loader.load(resultSet, model, columns, true));
            }
            return result;
        });
    }

    <T> Stream<T> streamByColumnLabel(EntityModel<T> model, SqlStatement statement, Object[] args) {
        prepare();
        RowLoader loader = session.loader();
        int[][] columns = new int[1][];
        return session.runStream("SQL query of " + model.type().getSimpleName(), statement, args, resultSet -> {
            if (columns[0] == null) {
                columns[0] = RawSql.entityColumns(model, resultSet);
            }
            return loader.load(resultSet, model, columns[0], false);
        });
    }

    private void prepare() {
        session.checkOpen();
        session.autoflush();
    }
}
