package io.quarry.sql;

import io.quarry.dialect.Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import java.util.List;

/**
 * The SQL a flush sends for one row at a time, with {@code ?} placeholders bound row by row in
 * JDBC batches: an INSERT of given columns, an UPDATE of changed columns (and the version) by id
 * and version, a DELETE by id and version. Rendered once per entity and statement shape by the
 * caller. Stateless.
 */
public final class RowWrites {

    private RowWrites() {
    }

    /** {@code insert into t (c1, c2) values (?, ?)}. */
    public static String insert(Dialect dialect, EntityModel<?> model, List<PropertyModel> columns) {
        return Insert.into(model, columns).render(dialect, null).sql();
    }

    /**
     * {@code update t set c1 = ?, c2 = ?[, version = ?] where id = ?[ and version = ?]}: the changed
     * columns in order, then the new version, then the id and the version the row was loaded with.
     */
    public static String updateById(Dialect dialect, EntityModel<?> model, List<PropertyModel> set) {
        RenderContext sql = new RenderContext(dialect, (io.quarry.types.CodecRegistry) null, model);
        sql.append("update ").identifier(model.table()).append(" set ");
        for (int i = 0; i < set.size(); i++) {
            sql.append(i > 0 ? ", " : "").identifier(set.get(i).column()).append(" = ?");
        }
        PropertyModel version = model.version();
        if (version != null) {
            sql.append(set.isEmpty() ? "" : ", ").identifier(version.column()).append(" = ?");
        }
        return whereIdAndVersion(sql, model);
    }

    /** {@code delete from t where id = ?[ and version = ?]}. */
    public static String deleteById(Dialect dialect, EntityModel<?> model) {
        RenderContext sql = new RenderContext(dialect, (io.quarry.types.CodecRegistry) null, model);
        sql.append("delete from ").identifier(model.table());
        return whereIdAndVersion(sql, model);
    }

    private static String whereIdAndVersion(RenderContext sql, EntityModel<?> model) {
        sql.append(" where ").identifier(model.id().column()).append(" = ?");
        PropertyModel version = model.version();
        if (version != null) {
            sql.append(" and ").identifier(version.column()).append(" = ?");
        }
        return sql.toStatement().sql();
    }

    /** {@code insert into <join table> (<owner key>, <element key>) values (?, ?)}: one row of a many-to-many. */
    public static String insertJoinRow(Dialect dialect, RelationModel.JoinTable join) {
        return "insert into " + dialect.quote(join.table()) + " (" + dialect.quote(join.ownerColumn()) + ", "
                + dialect.quote(join.targetColumn()) + ") values (?, ?)";
    }

    /** {@code delete from <join table> where <owner key> = ? and <element key> = ?}. */
    public static String deleteJoinRow(Dialect dialect, RelationModel.JoinTable join) {
        return "delete from " + dialect.quote(join.table()) + " where " + dialect.quote(join.ownerColumn()) + " = ? and "
                + dialect.quote(join.targetColumn()) + " = ?";
    }

    /**
     * {@code delete from <join table> where <key> = ?}: the join rows of a deleted object, {@code ownerSide}
     * telling whether it is the join table's owner or an element.
     */
    public static String deleteJoinRowsOf(Dialect dialect, RelationModel.JoinTable join, boolean ownerSide) {
        return "delete from " + dialect.quote(join.table()) + " where "
                + dialect.quote(ownerSide ? join.ownerColumn() : join.targetColumn()) + " = ?";
    }
}
