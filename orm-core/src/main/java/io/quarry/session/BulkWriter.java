package io.quarry.session;

import io.quarry.mapping.EntityModel;
import io.quarry.sql.Assignment;
import io.quarry.sql.Delete;
import io.quarry.sql.Predicate;
import io.quarry.sql.Select;
import io.quarry.sql.Sql;
import io.quarry.sql.SqlStatement;
import io.quarry.sql.Update;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bulk UPDATE and DELETE that keep the identity map in step, like SQLAlchemy's
 * synchronize_session="fetch": only when the session holds objects of the table are the
 * matching ids read first; then affected objects are reloaded (update) or detached (delete).
 * One per operation; not thread-safe.
 */
final class BulkWriter<T> {

    private final Session session;
    private final EntityModel<T> model;
    private final List<Predicate> where;

    BulkWriter(Session session, EntityModel<T> model, List<Predicate> where) {
        this.session = session;
        this.model = model;
        this.where = where;
    }

    int update(List<Assignment> assignments) {
        session.autoflush();
        List<Object> held = heldIds();
        SqlStatement statement = Update.table(model).set(assignments).where(where)
                .render(session.engine().dialect(), session.engine().codecs());
        int count = Jdbc.update(session, "bulk update " + model.type().getSimpleName(), statement, Jdbc.NO_ARGS);
        if (!held.isEmpty()) {
            for (Object id : held) {
                EntityState state = session.identityMap.get(new EntityState.EntityKey(model.type(), id));
                if (state != null) {
                    state.expired = true;
                }
            }
            reloadExpired(held);
        }
        return count;
    }

    int delete() {
        session.autoflush();
        List<Object> held = heldIds();
        SqlStatement statement = Delete.from(model).where(where)
                .render(session.engine().dialect(), session.engine().codecs());
        int count = Jdbc.update(session, "bulk delete " + model.type().getSimpleName(), statement, Jdbc.NO_ARGS);
        for (Object id : held) {
            EntityState state = session.identityMap.get(new EntityState.EntityKey(model.type(), id));
            if (state != null) {
                session.removeDeleted(state);
            }
        }
        return count;
    }

    /** The ids of rows matching the conditions that the session holds objects for; no SQL if it holds none. */
    private List<Object> heldIds() {
        Set<Object> heldIds = new HashSet<>();
        for (EntityState state : session.managedStates(model)) {
            heldIds.add(state.id);
        }
        if (heldIds.isEmpty()) {
            return List.of();
        }
        SqlStatement probe = Select.from(model).columns(List.of(Sql.col(model.id().name()))).where(where)
                .render(session.engine().dialect(), session.engine().codecs());
        return Jdbc.query(session, "bulk " + model.type().getSimpleName(), probe, Jdbc.NO_ARGS, resultSet -> {
            List<Object> matched = new ArrayList<>();
            while (resultSet.next()) {
                Object id = model.id().codec().read(resultSet, 1);
                if (heldIds.contains(id)) {
                    matched.add(id);
                }
            }
            return matched;
        });
    }

    private void reloadExpired(List<Object> ids) {
        int chunk = 1000;
        for (int from = 0; from < ids.size(); from += chunk) {
            List<Object> part = ids.subList(from, Math.min(ids.size(), from + chunk));
            session.query(model.type()).filter(Sql.col(model.id().name()).in(part)).all();
        }
    }
}
