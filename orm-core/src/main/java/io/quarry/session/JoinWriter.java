package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.RelationModel;
import io.quarry.sql.RowWrites;
import io.quarry.types.Codec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes the many-to-many rows of a flush: removed pairs deleted, added pairs inserted, each as one
 * JDBC batch per join table, and the join rows of deleted objects removed before their rows. Runs
 * after the flush's inserts (the ids are known) and before its deletes. Not thread-safe.
 */
final class JoinWriter {

    private final SessionSupport session;
    private final Engine engine;
    private final Connection connection;

    JoinWriter(SessionSupport session, Connection connection) {
        this.session = session;
        this.engine = session.engine();
        this.connection = connection;
    }

    void write(RelationFlush relations) {
        for (RelationFlush.JoinRows rows : relations.joinRows()) {
            RelationModel relation = rows.relation();
            RelationModel.JoinTable join = relation.joinTable();
            if (!rows.deleted().isEmpty()) {
                pairs(relation, RowWrites.deleteJoinRow(engine.dialect(), join), rows.deleted());
            }
            if (!rows.inserted().isEmpty()) {
                pairs(relation, RowWrites.insertJoinRow(engine.dialect(), join), rows.inserted());
            }
        }
        for (RelationFlush.DeletedKeys keys : relations.deletedKeys()) {
            String sql = RowWrites.deleteJoinRowsOf(engine.dialect(), keys.join(), keys.ownerSide());
            Codec<Object> codec = RelationLoader.objectModel(keys.model()).id().codec();
            int size = engine.batchSize();
            for (int from = 0; from < keys.keys().size(); from += size) {
                List<Object> chunk = keys.keys().subList(from, Math.min(keys.keys().size(), from + size));
                engine.executor().batch(connection, session.timeout(), "delete the " + keys.join().table() + " rows of "
                        + keys.model().type().getSimpleName(), sql, chunk.size(), null,
                        (statement, row) -> codec.bind(statement, 1, chunk.get(row)), (statement, counts) -> { });
            }
        }
    }

    /** One batch of {@code sql} over (owner, element) pairs, bound by their ids. */
    private void pairs(RelationModel relation, String sql, List<Object[]> pairs) {
        EntityModel<Object> owner = RelationLoader.objectModel(engine.model(relation.owner()));
        EntityModel<Object> element = RelationLoader.objectModel(engine.model(relation.target()));
        int size = engine.batchSize();
        for (int from = 0; from < pairs.size(); from += size) {
            List<Object[]> chunk = pairs.subList(from, Math.min(pairs.size(), from + size));
            engine.executor().batch(connection, session.timeout(), "flush " + relation, sql, chunk.size(), null,
                    (statement, row) -> bind(statement, relation, owner, element, chunk.get(row)),
                    (statement, counts) -> { });
        }
    }

    private static void bind(PreparedStatement statement, RelationModel relation, EntityModel<Object> owner,
            EntityModel<Object> element, Object[] pair) throws SQLException {
        Object ownerId = owner.idOf(pair[0]);
        Object elementId = element.idOf(pair[1]);
        if (ownerId == null || elementId == null) {
            throw new QuarryException("Cannot write " + relation + ": " + (ownerId == null ? "its owner" : "an element ("
                    + pair[1] + ")") + " has no id; add it to the session (cascade SAVE does so) before the flush");
        }
        owner.id().codec().bind(statement, 1, ownerId);
        element.id().codec().bind(statement, 2, elementId);
    }
}
