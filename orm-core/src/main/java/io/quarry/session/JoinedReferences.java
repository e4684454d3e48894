package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.RelationModel;
import io.quarry.types.Codec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code joined} strategy: the references a query reads from its own rows, through the LEFT
 * JOINs of {@link io.quarry.sql.Select#loadJoined}, so they cost no statement. Each joined entity's
 * columns follow those of the entity holding the reference, depth first, in the order of
 * {@link #paths()}; a row's referenced object comes from the identity map when the session holds
 * it, else is built once per id for the whole result (a datacenter reached from 500 hosts is one
 * object). Built per query; not thread-safe.
 */
final class JoinedReferences {

    /** One joined reference: where its entity's columns are, and the objects read so far by id. */
    private record Edge(RelationModel relation, EntityModel<Object> target, RowLoader<Object> loader, int idColumn,
            Map<Object, Object> byId) {
    }

    private final EntityModel<?> model;
    private final List<Edge> edges;

    private JoinedReferences(EntityModel<?> model, List<Edge> edges) {
        this.model = model;
        this.edges = edges;
    }

    /**
     * The joined references of {@code model} in {@code plan} (declared ones already added), their
     * columns following the entity's, in {@link FetchPlan#joinedPaths} order; {@code null} when the
     * plan joins none.
     */
    static JoinedReferences of(SessionSupport session, EntityModel<?> model, FetchPlan plan, boolean track) {
        return of(session, model, plan, track, new int[] {model.properties().size() + 1});
    }

    private static JoinedReferences of(SessionSupport session, EntityModel<?> model, FetchPlan plan, boolean track,
            int[] nextColumn) {
        List<Edge> edges = new ArrayList<>();
        for (RelationModel relation : model.relations()) {
            if (!relation.isReference() || !plan.joins(relation.name())) {
                continue;
            }
            EntityModel<Object> target = RelationLoader.objectModel(session.engine().model(relation.target()));
            int[] columns = new int[target.properties().size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = nextColumn[0]++;
            }
            JoinedReferences deeper = of(session, target, plan.child(relation.name()), track, nextColumn);
            RowLoader<Object> loader = RowLoader.atColumns(session, target, track, columns, deeper);
            edges.add(new Edge(relation, target, loader, columns[target.id().position()], new HashMap<>()));
        }
        return edges.isEmpty() ? null : new JoinedReferences(model, edges);
    }

    /** Sets the joined references of {@code owner}, just built from the current row with {@code values}. */
    void read(Object owner, Object[] values, ResultSet resultSet) throws SQLException {
        for (Edge edge : edges) {
            Object referenced = referenced(edge, values, owner, null, resultSet);
            if (referenced != null) {
                edge.relation().set(owner, referenced);
            }
        }
    }

    /**
     * Puts the joined references of a record not built yet into its row's {@code values}, in place of
     * their keys (the canonical constructor takes the objects); {@code ownerId} is the record's id.
     */
    void readInto(Object[] values, Object ownerId, ResultSet resultSet) throws SQLException {
        for (Edge edge : edges) {
            Object referenced = referenced(edge, values, null, ownerId, resultSet);
            if (referenced != null) {
                values[edge.relation().foreignKey().position()] = referenced;
            }
        }
    }

    /** The object {@code edge} refers to in the current row, or null for a null key; the owner, or its id, is for errors. */
    private Object referenced(Edge edge, Object[] values, Object owner, Object ownerId, ResultSet resultSet)
            throws SQLException {
        Object key = values[edge.relation().foreignKey().position()];
        if (key == null) {
            return null;
        }
        Codec<Object> idCodec = edge.target().id().codec();
        Object id = idCodec.read(resultSet, edge.idColumn());
        if (id == null) {
            throw new QuarryException(model.type().getSimpleName() + " " + (owner == null ? ownerId : model.idOf(owner))
                    + " refers to " + edge.target().type().getSimpleName() + " " + key + " (column "
                    + edge.relation().foreignKey().column() + "), which does not exist; add a foreign-key "
                    + "constraint (createAll adds one) or repair the row");
        }
        Object referenced = edge.byId().get(id);
        if (referenced == null) {
            referenced = edge.loader().map(resultSet);
            edge.byId().put(id, referenced);
        }
        return referenced;
    }

    /** Resolves the relations of the joined objects read since the last call (their own plans under {@code plan}). */
    void resolve(FetchPlan plan) {
        for (Edge edge : edges) {
            edge.loader().resolve(plan.child(edge.relation().name()));
        }
    }

}
