package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.sql.Binding;
import io.quarry.sql.SqlStatement;
import io.quarry.sql.ValueBinding;
import io.quarry.types.Codec;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Hand-written SQL with named parameters, bound through codecs and mapped by column label. One per call. */
final class RawSql {

    private final SessionSupport session;
    private final SqlStatement statement;

    RawSql(SessionSupport session, NamedSql sql, Map<String, ?> parameters) {
        this.session = session;
        List<Binding> bindings = new ArrayList<>();
        for (String name : sql.names()) {
            if (!parameters.containsKey(name)) {
                throw new QuarryException("SQL [" + sql.sql() + "] needs parameter :" + name + " but it was not given; "
                        + "given: " + parameters.keySet());
            }
            bindings.add(binding(parameters.get(name)));
        }
        this.statement = new SqlStatement(sql.sql(), bindings);
    }

    @SuppressWarnings("unchecked")
    private Binding binding(Object value) {
        if (value == null) {
            return new ValueBinding(null, (Codec<Object>) session.engine().codecs().lookup(String.class, false));
        }
        return new ValueBinding(value, (Codec<Object>) session.engine().codecs().forValue(value));
    }

    int executeUpdate() {
        return session.runUpdate("execute SQL", statement, SessionSupport.NO_ARGS);
    }

    List<Row> rows() {
        return session.runQuery("SQL query", statement, SessionSupport.NO_ARGS, resultSet -> {
            ResultSetMetaData metadata = resultSet.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= metadata.getColumnCount(); i++) {
                labels.add(metadata.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            List<String> rowLabels = List.copyOf(labels);
            List<Row> rows = new ArrayList<>();
            while (resultSet.next()) {
                Object[] values = new Object[rowLabels.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = resultSet.getObject(i + 1);
                }
                rows.add(new Row(rowLabels, values));
            }
            return rows;
        });
    }

    <T> List<T> list(Class<T> type) {
        if (type.isAnnotationPresent(Entity.class)) {
            EntityModel<T> model = session.engine().model(type);
            List<RowLoader<T>> loader = new ArrayList<>(1);
            List<T> loaded = session.runQuery("SQL query of " + type.getSimpleName(), statement, SessionSupport.NO_ARGS,
                    resultSet -> {
                        loader.add(session.rowLoader(model, true, resultSet));
                        List<T> result = new ArrayList<>();
                        while (resultSet.next()) {
                            result.add(loader.get(0).map(resultSet));
                        }
                        return result;
                    });
            loader.get(0).resolve(FetchPlan.NONE);
            return loader.get(0).complete(loaded);
        }
        @SuppressWarnings("unchecked")
        Codec<Object> scalar = (Codec<Object>) session.engine().codecs().lookup(type, false);
        if (scalar != null) {
            return session.runQuery("SQL query", statement, SessionSupport.NO_ARGS, resultSet -> {
                List<T> result = new ArrayList<>();
                while (resultSet.next()) {
                    result.add(type.cast(scalar.read(resultSet, 1)));
                }
                return result;
            });
        }
        ColumnQuery.RowMapper<T> mapper = null;
        List<T> result = new ArrayList<>();
        for (Row row : rows()) {
            if (mapper == null) {
                mapper = ColumnQuery.RowMapper.forType(type, row.size());
            }
            result.add(mapper.map(row));
        }
        return result;
    }
}
