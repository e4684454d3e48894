package io.quarry.sql;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.SoftDeletion;
import io.quarry.types.Codec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What statements write for {@link io.quarry.mapping.SoftDelete}: the condition that leaves deleted rows
 * out, and the value a soft delete sets, for every statement built from predicates ({@link Select},
 * {@link Update}, {@link Delete}, {@code any(...)}); {@link RelationSelect}, whose text is written by hand,
 * appends the same condition itself. Stateless.
 */
final class SoftDeletes {

    private SoftDeletes() {
    }

    /**
     * {@code where} and the condition that leaves the deleted rows of {@code model} out; {@code where} as
     * it is when the entity has no soft delete or the statement includes deleted rows.
     */
    static List<Predicate> live(EntityModel<?> model, List<Predicate> where, boolean includeDeleted) {
        SoftDeletion deletion = model == null ? null : model.softDeletion();
        if (deletion == null || includeDeleted) {
            return where;
        }
        List<Predicate> all = new ArrayList<>(where);
        all.add(live(deletion));
        return all;
    }

    /** {@code deleted = false} or {@code deleted_at is null}, in the scope it is rendered in. */
    static Predicate live(SoftDeletion deletion) {
        Column<Object> column = Sql.col(deletion.property().name());
        return deletion.isFlag() ? column.eq(Boolean.FALSE) : column.isNull();
    }

    /** The value a soft delete sets, computed when the statement is bound (a time is the time of each run). */
    static Binding deletedValue(SoftDeletion deletion) {
        return new DeletedValue(deletion);
    }

    private record DeletedValue(SoftDeletion deletion) implements Binding {

        @Override
        public void bind(PreparedStatement statement, int index, Object[] args) throws SQLException {
            Codec<Object> codec = deletion.property().codec();
            codec.bind(statement, index, deletion.deletedValue());
        }

        @Override
        public Object describe() {
            return deletion.isFlag() ? Boolean.TRUE : "(the time of the delete)";
        }
    }
}
