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
 * Stateless.
 */
final class BulkWriter {

    private BulkWriter() {
    }

    /** An UPDATE of the rows {@code where} matches; rows a soft delete marked only when {@code includeDeleted}. */
    static int update(SessionSupport session, EntityModel<?> model, List<Predicate> where, List<Assignment> assignments,
            boolean includeDeleted) {
        SqlStatement statement = Update.table(model).set(assignments).where(where).includeDeleted(includeDeleted)
                .render(session.engine().dialect(), session.engine().models());
        return run(session, model, statement, selectIds(session, model, where, includeDeleted), SessionSupport.NO_ARGS,
                false);
    }

    /** A DELETE (for an entity that soft-deletes, an UPDATE of the mark unless {@code hard}) of the rows {@code where} matches. */
    static int delete(SessionSupport session, EntityModel<?> model, List<Predicate> where, boolean includeDeleted,
            boolean hard) {
        Delete delete = Delete.from(model).where(where).includeDeleted(includeDeleted);
        SqlStatement statement = (hard ? delete.hard() : delete).render(session.engine().dialect(), session.engine().models());
        return run(session, model, statement, selectIds(session, model, where, includeDeleted), SessionSupport.NO_ARGS,
                true);
    }

    private static SqlStatement selectIds(SessionSupport session, EntityModel<?> model, List<Predicate> where,
            boolean includeDeleted) {
        return Select.from(model).columns(List.of(Sql.col(model.id().name()))).where(where).includeDeleted(includeDeleted)
                .render(session.engine().dialect(), session.engine().models());
    }

    /** Runs a bulk write; its reads (held ids, reloads) are part of the write, not counted by the N+1 detector. */
    static int run(SessionSupport session, EntityModel<?> model, SqlStatement statement, SqlStatement selectIds, Object[] args,
            boolean delete) {
        return session.withoutNPlusOneCount(() -> write(session, model, statement, selectIds, args, delete));
    }

    private static int write(SessionSupport session, EntityModel<?> model, SqlStatement statement, SqlStatement selectIds,
            Object[] args, boolean delete) {
        session.autoflush();
        List<Object> held = heldIds(session, model, selectIds, args);
        String task = (delete ? "bulk delete " : "bulk update ") + model.type().getSimpleName();
        int count = session.runUpdate(task, statement, args);
        if (held.isEmpty()) {
            return count;
        }
        for (Object id : held) {
            EntityState state = session.work().held(model.type(), id);
            if (state == null) {
                continue;
            }
            if (delete) {
                session.work().detachBulkDeleted(state);
            } else {
                state.expired = true;
            }
        }
        if (!delete) {
            reload(session, model, held);
        }
        return count;
    }

    /** The ids of matching rows that the session holds objects for; no SQL when it holds none. */
    private static List<Object> heldIds(SessionSupport session, EntityModel<?> model, SqlStatement selectIds, Object[] args) {
        Set<Object> heldIds = new HashSet<>();
        for (EntityState state : session.work().managedStates(model)) {
            heldIds.add(state.id);
        }
        if (heldIds.isEmpty()) {
            return List.of();
        }
        return session.runQuery("bulk " + model.type().getSimpleName(), selectIds, args, resultSet -> {
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

    private static void reload(SessionSupport session, EntityModel<?> model, List<Object> ids) {
        int chunk = 1000;
        for (int from = 0; from < ids.size(); from += chunk) {
            List<Object> part = ids.subList(from, Math.min(ids.size(), from + chunk));
            session.query(model.type()).includeDeleted().filter(Sql.col(model.id().name()).in(part)).all();
        }
    }
}
