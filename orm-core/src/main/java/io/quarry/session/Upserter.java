package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.dialect.Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Native upsert (the dialect's statement) in JDBC batches, one statement shape per entity type. One per call. */
final class Upserter {

    private final SessionSupport session;

    Upserter(SessionSupport session) {
        this.session = session;
    }

    int upsert(Collection<?> entities) {
        Map<Class<?>, List<Object>> byType = new LinkedHashMap<>();
        for (Object entity : entities) {
            byType.computeIfAbsent(entity.getClass(), k -> new ArrayList<>()).add(entity);
        }
        int total = 0;
        for (Map.Entry<Class<?>, List<Object>> entry : byType.entrySet()) {
            total += upsert(session.engine().model(entry.getKey()), entry.getValue());
        }
        return total;
    }

    private int upsert(EntityModel<?> model, List<Object> entities) {
        Dialect dialect = session.engine().dialect();
        List<PropertyModel> properties = model.properties();
        for (Object entity : entities) {
            if (model.hasUnsetId(entity)) {
                throw new QuarryException("upsertAll needs ids: a " + model.type().getSimpleName()
                        + " has none. Use add(...) for new objects with generated ids");
            }
        }
        List<String> columns = properties.stream().map(p -> dialect.quote(p.column())).toList();
        List<String> updates = properties.stream().filter(p -> !p.isId()).map(p -> dialect.quote(p.column())).toList();
        String sql = dialect.upsert(dialect.quote(model.table()), columns, List.of(dialect.quote(model.id().column())), updates);
        int size = session.engine().batchSize();
        int count = 0;
        for (int from = 0; from < entities.size(); from += size) {
            List<Object> chunk = entities.subList(from, Math.min(entities.size(), from + size));
            session.engine().executor().batch(session.connection(), session.timeout(), "upsert " + model.type().getSimpleName(), sql,
                    chunk.size(), null, (statement, row) -> bindAll(statement, properties, chunk.get(row)),
                    (statement, counts) -> { });
            count += chunk.size();
        }
        return count;
    }

    private static void bindAll(PreparedStatement statement, List<PropertyModel> properties, Object entity)
            throws SQLException {
        for (int i = 0; i < properties.size(); i++) {
            PropertyModel property = properties.get(i);
            Object value = property.get(entity);
            if (value == null) {
                property.codec().bindNull(statement, i + 1);
            } else {
                property.codec().bind(statement, i + 1, value);
            }
        }
    }
}
