package io.quarry.session;

import io.quarry.ConstraintViolationException;
import io.quarry.OptimisticLockException;
import io.quarry.QuarryException;
import io.quarry.StatementException;
import io.quarry.dialect.Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.GenerationType;
import io.quarry.mapping.PropertyModel;
import io.quarry.sql.RowWrites;
import io.quarry.sql.SqlStatement;
import io.quarry.sql.ValueBinding;
import io.quarry.types.Codec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link FlushPlan} on one connection: JDBC batches per statement shape, generated keys
 * (IDENTITY included) read back from the batch, sequence values fetched in one query, versions
 * checked through update counts. The SQL comes from {@link RowWrites}, rendered once per statement
 * shape; every statement runs through the engine's {@link StatementExecutor}. Not thread-safe; one
 * per flush.
 */
final class Flusher {

    private final SessionSupport session;
    private final Engine engine;
    private final Dialect dialect;
    private final Connection connection;
    private final CachedStatements statements;
    /** What puts back the marks and versions soft deletes set on objects, should the flush fail. */
    private final List<Runnable> marked = new ArrayList<>();

    Flusher(SessionSupport session, Connection connection) {
        this.session = session;
        this.engine = session.engine();
        this.dialect = engine.dialect();
        this.connection = connection;
        this.statements = engine.statements();
    }

    void execute(FlushPlan plan, RelationFlush relations) {
        try {
            relations.requireSavedReferences();
            for (FlushPlan.Group group : plan.inserts) {
                insert(group.model(), group.states());
            }
            for (FlushPlan.Group group : plan.updates) {
                update(group.model(), group.changed(), group.states());
            }
            new JoinWriter(session, connection).write(relations);
            for (FlushPlan.Group group : plan.deletes) {
                if (group.changed().isEmpty()) {
                    delete(group.model(), group.states());
                } else {
                    softDelete(group.model(), group.states());
                }
            }
        } catch (RuntimeException e) {
            for (int i = marked.size() - 1; i >= 0; i--) {
                marked.get(i).run(); // a failed flush leaves the objects as they were
            }
            throw e;
        }
    }

    // ---- inserts

    private void insert(EntityModel<Object> model, List<EntityState> states) {
        PropertyModel id = model.id();
        GenerationType generation = id.generation() == null ? null : dialect.effectiveGeneration(id.generation());
        List<EntityState> withKeys = new ArrayList<>();
        List<EntityState> needKeys = new ArrayList<>();
        for (EntityState state : states) {
            initVersion(state);
            boolean unset = model.hasUnsetId(state.instance);
            if (unset && generation == null) {
                throw new QuarryException("Cannot insert " + model.type().getSimpleName() + ": its id '" + id.name()
                        + "' is not set and not @GeneratedValue; assign an id before adding it");
            }
            (unset && generation == GenerationType.IDENTITY ? needKeys : withKeys).add(state);
        }
        List<EntityState> needSequence = withKeys.stream().filter(s -> model.hasUnsetId(s.instance)).toList();
        if (!needSequence.isEmpty()) {
            assignSequenceValues(model, needSequence);
        }
        if (!withKeys.isEmpty()) {
            List<PropertyModel> columns = model.properties();
            String sql = statements.flushSql(List.of(model, "insert-all"), k -> RowWrites.insert(dialect, model, columns));
            batch(sql, withKeys, columns, List.of(), Write.INSERT, false, null);
        }
        if (!needKeys.isEmpty()) {
            List<PropertyModel> columns = model.properties().stream().filter(p -> !p.isId()).toList();
            String sql = statements.flushSql(List.of(model, "insert-identity"), k -> RowWrites.insert(dialect, model, columns));
            batch(sql, needKeys, columns, List.of(), Write.INSERT, false, id);
        }
    }

    /**
     * A version starts at 0, a primitive one at 1 (0 means new to repository saves), as in Spring Data
     * JDBC; a version the object already has is kept.
     */
    private void initVersion(EntityState state) {
        PropertyModel version = state.model.version();
        if (version != null && state.model.hasUnsetVersion(state.instance)) {
            Object first = version.isPrimitive() ? increment(Sessions.zeroOf(version.javaType()))
                    : Sessions.zeroOf(version.javaType());
            session.work().replace(state, state.model.with(state.instance, version, first));
            state.versionInitialized = true;
        }
    }

    private void assignSequenceValues(EntityModel<Object> model, List<EntityState> states) {
        @SuppressWarnings("unchecked")
        Codec<Object> count = (Codec<Object>) engine.codecs().lookup(Integer.class, false);
        SqlStatement statement = new SqlStatement(dialect.nextSequenceValues(model.sequenceName()),
                List.of(new ValueBinding(states.size(), count)));
        engine.executor().query(connection, session.timeout(), "fetch ids of " + model.type().getSimpleName(), statement,
                SessionSupport.NO_ARGS, values -> {
                    for (EntityState state : states) {
                        if (!values.next()) {
                            throw new QuarryException("Sequence " + model.sequenceName()
                                    + " returned fewer values than asked");
                        }
                        setGeneratedId(state, model.id().codec().read(values, 1));
                    }
                    return null;
                });
    }

    private void setGeneratedId(EntityState state, Object value) {
        Object id = coerceId(state.model.id(), value);
        session.work().replace(state, state.model.with(state.instance, state.model.id(), id));
        state.id = id;
        state.idGenerated = true;
    }

    private static Object coerceId(PropertyModel id, Object value) {
        if (value instanceof Number number) {
            Class<?> type = id.javaType();
            if (type == Long.class || type == long.class) {
                return number.longValue();
            }
            if (type == Integer.class || type == int.class) {
                return number.intValue();
            }
            if (type == Short.class || type == short.class) {
                return number.shortValue();
            }
            if (type == java.math.BigInteger.class) {
                return java.math.BigInteger.valueOf(number.longValue());
            }
        }
        return value;
    }

    // ---- updates and deletes

    private void update(EntityModel<Object> model, List<PropertyModel> changed, List<EntityState> states) {
        for (PropertyModel property : changed) {
            if (property.isId()) {
                throw new QuarryException("The id of " + states.get(0) + " was changed from " + states.get(0).id
                        + "; ids of persistent objects cannot change. Delete it and add a new object instead");
            }
        }
        PropertyModel version = model.version();
        List<PropertyModel> set = new ArrayList<>(changed);
        set.remove(version);
        String sql = statements.flushSql(List.of(model, "update", set), k -> RowWrites.updateById(dialect, model, set));
        List<PropertyModel> where = version == null ? List.of(model.id()) : List.of(model.id(), version);
        batch(sql, states, set, where, Write.UPDATE, version != null, null);
    }

    private void delete(EntityModel<Object> model, List<EntityState> states) {
        String sql = statements.flushSql(List.of(model, "delete"), k -> RowWrites.deleteById(dialect, model));
        PropertyModel version = model.version();
        List<PropertyModel> where = version == null ? List.of(model.id()) : List.of(model.id(), version);
        batch(sql, states, List.of(), where, Write.DELETE, false, null);
    }

    /**
     * Marks the rows deleted: one UPDATE of the mark (and the version) by id and version, in batches, with
     * the mark and the new version set on the objects too. Objects loaded already marked write nothing.
     */
    private void softDelete(EntityModel<Object> model, List<EntityState> states) {
        io.quarry.mapping.SoftDeletion deletion = model.softDeletion();
        PropertyModel mark = deletion.property();
        PropertyModel version = model.version();
        Object value = deletion.deletedValue();
        List<EntityState> live = new ArrayList<>();
        for (EntityState state : states) {
            if (state.snapshot != null && deletion.isDeleted(state.snapshot[mark.position()])) {
                continue;
            }
            Object before = state.instance;
            Object previousMark = mark.get(before);
            Object previousVersion = version == null ? null : version.get(before);
            Object instance = model.with(before, mark, value);
            if (version != null) {
                instance = model.with(instance, version, increment(state.snapshot[version.position()]));
            }
            session.work().replace(state, instance);
            marked.add(model.isRecord() ? () -> session.work().replace(state, before) : () -> {
                mark.set(before, previousMark);
                if (version != null) {
                    version.set(before, previousVersion);
                }
            });
            live.add(state);
        }
        if (!live.isEmpty()) {
            List<PropertyModel> set = List.of(mark);
            String sql = statements.flushSql(List.of(model, "soft-delete"), k -> RowWrites.updateById(dialect, model, set));
            List<PropertyModel> where = version == null ? List.of(model.id()) : List.of(model.id(), version);
            batch(sql, live, set, where, Write.DELETE, version != null, null);
        }
    }

    // ---- batches

    /** What a batch does; updates and deletes check that every row matched. */
    private enum Write { INSERT, UPDATE, DELETE }

    /**
     * Binds {@code values} (then, for updates, the new version), then {@code where} for each state,
     * in batches; reads generated {@code keyProperty} values back when it is not null.
     */
    private void batch(String sql, List<EntityState> states, List<PropertyModel> values, List<PropertyModel> where,
            Write write, boolean bumpsVersion, PropertyModel keyProperty) {
        int size = engine.batchSize();
        for (int from = 0; from < states.size(); from += size) {
            List<EntityState> chunk = states.subList(from, Math.min(states.size(), from + size));
            String task = "flush " + chunk.get(0).model.type().getSimpleName();
            try {
                engine.executor().batch(connection, session.timeout(), task, sql, chunk.size(),
                        keyProperty == null ? null : keyProperty.column(),
                        (statement, row) -> bindRow(statement, chunk.get(row), values, where, bumpsVersion),
                        (statement, counts) -> {
                            if (keyProperty != null) {
                                readKeys(statement, chunk, keyProperty);
                            }
                            if (write != Write.INSERT) {
                                checkCounts(counts, chunk, write == Write.DELETE);
                            }
                        });
            } catch (StatementException e) {
                String culprit = e instanceof ConstraintViolationException violation
                        ? violation.isDuplicateKey() ? null : culprit(chunk, values, true)
                        : e.getClass() == StatementException.class ? culprit(chunk, values, false) : null;
                if (culprit == null && write == Write.DELETE && e instanceof ConstraintViolationException violation
                        && !violation.isDuplicateKey()) {
                    culprit = stillReferenced(chunk.get(0).model);
                }
                if (culprit == null) {
                    throw e;
                }
                throw engine.executor().translate(task + ": " + culprit, sql, e.getSQLException());
            }
        }
    }

    /**
     * For a failed write, the first value of {@code chunk} that the mapping says cannot be stored (a
     * NULL in a NOT NULL column, text longer than the column), named by entity, id and property; or
     * {@code null}. Runs only after a failure, so the database's own text stays the cause.
     */
    private static String culprit(List<EntityState> chunk, List<PropertyModel> values, boolean constraint) {
        for (EntityState state : chunk) {
            for (PropertyModel property : values) {
                Object value = property.get(state.instance);
                String where = "property '" + property.name() + "' (column " + property.column() + ") of "
                        + state.model.type().getSimpleName() + describeId(state);
                if (constraint && value == null && !property.spec().nullable() && !property.isId()) {
                    return where + " is null but its column is NOT NULL; set it before the flush, or map it "
                            + "@Column(nullable = true)";
                }
                if (!constraint && value instanceof String text && property.spec().length() > 0
                        && text.codePointCount(0, text.length()) > property.spec().length()) {
                    return where + " holds " + text.codePointCount(0, text.length()) + " characters, more than its "
                            + "column's " + property.spec().length() + "; shorten the value or map a longer column "
                            + "(@Column(length = ...))";
                }
            }
        }
        return null;
    }

    /**
     * For a delete the database refused: the relations that may still refer to the rows, and the
     * fix; {@code null} when no mapped relation refers to {@code model}.
     */
    private String stillReferenced(EntityModel<Object> model) {
        List<String> relations = new ArrayList<>();
        for (EntityModel<?> other : engine.models().models()) {
            for (io.quarry.mapping.RelationModel relation : other.relations()) {
                if (relation.isReference() && relation.target() == model.type()) {
                    relations.add(other.type().getSimpleName() + "." + relation.name());
                }
            }
        }
        if (relations.isEmpty()) {
            return null;
        }
        return "a " + model.type().getSimpleName() + " is still referred to by " + String.join(" or ", relations)
                + "; delete or move those objects first, or declare cascade = DELETE on the collection that holds "
                + "them (or onDelete = CASCADE on the reference)";
    }

    private static String describeId(EntityState state) {
        PropertyModel id = state.model.id();
        Object value = id == null ? null : id.get(state.instance);
        return value == null ? " (new)" : " " + value;
    }

    private void bindRow(PreparedStatement statement, EntityState state, List<PropertyModel> values,
            List<PropertyModel> where, boolean bumpsVersion) throws SQLException {
        int index = 1;
        for (PropertyModel property : values) {
            Object value = property.get(state.instance);
            if (value == null && property.reference() != null && property.reference().get(state.instance) != null) {
                throw RelationFlush.unsavedReference(state, property.reference());
            }
            index = bind(statement, index, property, value);
        }
        PropertyModel version = state.model.version();
        if (bumpsVersion && version != null) {
            index = bind(statement, index, version, increment(state.snapshot[version.position()]));
        }
        for (PropertyModel property : where) {
            // the WHERE clause matches the row as it was loaded: snapshot values, not current ones
            Object value = property.isVersion() || property.isId() && state.snapshot != null
                    ? state.snapshot[property.position()] : property.get(state.instance);
            index = bind(statement, index, property, value);
        }
    }

    private static int bind(PreparedStatement statement, int index, PropertyModel property, Object value)
            throws SQLException {
        if (value == null) {
            property.codec().bindNull(statement, index);
        } else {
            property.codec().bind(statement, index, value);
        }
        return index + 1;
    }

    private void readKeys(PreparedStatement statement, List<EntityState> chunk, PropertyModel keyProperty)
            throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            for (EntityState state : chunk) {
                if (!keys.next()) {
                    throw new QuarryException("The driver returned fewer generated keys than rows inserted into "
                            + state.model.table() + "; check that the id column is an identity column");
                }
                setGeneratedId(state, keyProperty.codec().read(keys, 1));
            }
        }
    }

    /** A count of 0 means no row matched; SUCCESS_NO_INFO (-2, some drivers' batches) cannot be checked. */
    private void checkCounts(int[] counts, List<EntityState> chunk, boolean delete) {
        for (int i = 0; i < counts.length && i < chunk.size(); i++) {
            if (counts[i] == 0) {
                EntityState state = chunk.get(i);
                PropertyModel version = state.model.version();
                String what = version == null ? "no longer exists"
                        : "was changed or deleted by another transaction since it was loaded (version "
                                + state.snapshot[version.position()] + ")";
                throw new OptimisticLockException(state.model.type(), state.id, (delete ? "Cannot delete " : "Cannot update ")
                        + state.model.type().getSimpleName() + " with id " + state.id + ": the row " + what
                        + ". Reload it (session.refresh) and apply the change again");
            }
        }
    }

    static Object increment(Object version) {
        if (version instanceof Integer value) {
            return value + 1;
        }
        if (version instanceof Long value) {
            return value + 1;
        }
        if (version instanceof Short value) {
            return (short) (value + 1);
        }
        return 1;
    }
}
