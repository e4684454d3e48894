package io.quarry.session;

import io.quarry.mapping.EntityModel;
import io.quarry.sql.SqlStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reads of {@link StatementSession}: statements rendered once (by repositories, at start-up),
 * run after autoflush on the session's connection, their rows loaded through the identity map or
 * mapped by a {@link ResultMapper}. A view of one session; not thread-safe.
 */
final class RenderedStatements {

    /** "query Host": what a query of an entity is called in errors and observations, made once per entity class. */
    private static final ClassValue<String> QUERY_TASKS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return "query " + type.getSimpleName();
        }
    };

    private final SessionSupport session;

    RenderedStatements(SessionSupport session) {
        this.session = session;
    }

    /** The name of a query of {@code model}'s entity (its statements run thousands of times a second). */
    static String queryTask(EntityModel<?> model) {
        return QUERY_TASKS.get(model.type());
    }

    <T> List<T> list(EntityModel<T> model, SqlStatement statement, Object[] args) {
        prepare();
        RowLoader<T> loader = session.rowLoader(model, true);
        List<T> result = session.runQuery(queryTask(model), statement, args,
                resultSet -> all(resultSet, loader));
        loader.resolve(session.fetchPlan(model));
        return loader.complete(result);
    }

    <R> List<R> list(SqlStatement statement, Object[] args, ResultMapper<R> mapper) {
        prepare();
        return session.runQuery("query", statement, args, resultSet -> all(resultSet, mapper.specialize(resultSet)));
    }

    <T> Stream<T> stream(EntityModel<T> model, SqlStatement statement, Object[] args) {
        prepare();
        if (!model.relations().isEmpty()) {
            return RelationStreams.stream(session, session.timeout(), queryTask(model), statement,
                    args, model, false, false, session.fetchPlan(model));
        }
        return session.runStream(queryTask(model), statement, args,
                session.rowLoaderPerResultSet(model, false));
    }

    <R> Stream<R> stream(SqlStatement statement, Object[] args, ResultMapper<R> mapper) {
        prepare();
        return session.runStream("query", statement, args, mapper);
    }

    <T> List<T> listByColumnLabel(EntityModel<T> model, SqlStatement statement, Object[] args) {
        prepare();
        List<RowLoader<T>> loader = new ArrayList<>(1);
        List<T> result = session.runQuery("SQL query of " + model.type().getSimpleName(), statement, args, resultSet -> {
            RowLoader<T> byLabel = session.rowLoader(model, true, resultSet);
            loader.add(byLabel);
            return all(resultSet, byLabel);
        });
        loader.get(0).resolve(session.fetchPlan(model));
        return loader.get(0).complete(result);
    }

    <T> Stream<T> streamByColumnLabel(EntityModel<T> model, SqlStatement statement, Object[] args) {
        prepare();
        if (!model.relations().isEmpty()) {
            return RelationStreams.stream(session, session.timeout(), "SQL query of " + model.type().getSimpleName(),
                    statement, args, model, true, false, session.fetchPlan(model));
        }
        return session.runStream("SQL query of " + model.type().getSimpleName(), statement, args,
                session.rowLoaderPerResultSet(model, true));
    }

    /** Every remaining row of {@code resultSet}, mapped by {@code mapper} (already specialized to it). */
    private static <R> List<R> all(ResultSet resultSet, ResultMapper<R> mapper) throws SQLException {
        List<R> result = new ArrayList<>();
        while (resultSet.next()) {
            result.add(mapper.map(resultSet));
        }
        return result;
    }

    private void prepare() {
        session.checkOpen();
        session.autoflush();
    }
}
