package io.quarry.sql;

import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.RelationModel;
import java.util.List;

/**
 * SQLAlchemy's {@code any()} and {@code has()}: whether a related row exists that meets the
 * conditions, as a correlated {@code EXISTS} subquery, so that filtering by a collection never
 * repeats the objects that hold it. A collection reads its element table (through the join table
 * for a many-to-many); a reference reads its target's table. The conditions name properties of
 * the related entity. Immutable and thread-safe.
 *
 * @param relation the relation's name in the entity of the enclosing statement
 * @param owner the class declaring it (from a method reference), or {@code null}
 * @param collection whether {@code any} (a collection) or {@code has} (a reference) was written
 * @param conditions what the related row must meet (none: any related row)
 */
record RelationExists(String relation, Class<?> owner, boolean collection, List<Predicate> conditions)
        implements Predicate, StatementShape.Shaped {

    RelationExists {
        conditions = List.copyOf(conditions);
    }

    @Override
    public void render(RenderContext context) {
        Scope outer = context.scope();
        if (outer.model() == null || context.models() == null) {
            throw new QuarryException(this + " needs the entity of the statement and the engine's models; use it in a "
                    + "session's query");
        }
        RelationModel model = Scope.relation(outer.model(), owner, relation, toString());
        if (collection != model.isCollection()) {
            String type = outer.model().type().getSimpleName();
            throw new QuarryException(this + ": " + type + "." + relation + " is a "
                    + (model.isCollection() ? "collection; use any(" : "reference; use has(") + type + "::get"
                    + Character.toUpperCase(relation.charAt(0)) + relation.substring(1) + ", ...)");
        }
        EntityModel<?> target = context.models().model(model.target());
        // a collection leaves out elements marked deleted, as loading it does; a reference reaches its target
        List<Predicate> conditions = collection ? SoftDeletes.live(target, this.conditions, false) : this.conditions;
        boolean throughJoinTable = model.kind() == RelationModel.Kind.MANY_TO_MANY;
        String link = throughJoinTable ? outer.aliases().nextSubquery() : null;
        String alias = outer.aliases().nextSubquery();
        RenderContext inner = context.subquery(target, alias);
        String from;
        if (throughJoinTable) {
            RelationModel.JoinTable join = model.isOwning() ? model.joinTable()
                    : target.relation(model.mappedBy()).joinTable();
            String ownerColumn = model.isOwning() ? join.ownerColumn() : join.targetColumn();
            String elementColumn = model.isOwning() ? join.targetColumn() : join.ownerColumn();
            from = context.dialect().quote(join.table()) + " " + link;
            if (!conditions.isEmpty()) {
                from += " join " + context.dialect().quote(target.table()) + " " + alias + " on " + alias + "."
                        + context.dialect().quote(target.id().column()) + " = " + link + "."
                        + context.dialect().quote(elementColumn);
            }
            correlate(inner, link, ownerColumn, outer, outer.model().id().column());
        } else {
            from = context.dialect().quote(target.table()) + " " + alias;
            if (model.isReference()) {
                correlate(inner, alias, target.id().column(), outer, model.foreignKey().column());
            } else {
                correlate(inner, alias, target.property(model.mappedBy()).column(), outer, outer.model().id().column());
            }
        }
        if (!conditions.isEmpty()) {
            inner.append(" and ");
            new Predicates.Junction("and", conditions).render(inner);
        }
        context.append("exists (select 1 from ").append(from);
        inner.scope().renderJoins(context);
        context.append(" where ").append(inner).append(")");
    }

    @Override
    public void shape(StatementShape shape) {
        // a collection of soft-deleted elements binds a value of its own, which the rendering's check then finds
        shape.token(RelationExists.class).token(relation).token(owner).token(collection).token(conditions.size());
        for (int i = 0; i < conditions.size(); i++) {
            shape.expression(conditions.get(i));
        }
    }

    /** {@code <alias>.<column> = <outer table>.<outer column>}. */
    private static void correlate(RenderContext inner, String alias, String column, Scope outer, String outerColumn) {
        inner.append(alias).append(".").identifier(column).append(" = ").append(outer.name()).append(".")
                .identifier(outerColumn);
    }

    @Override
    public String toString() {
        return (collection ? "any(" : "has(") + relation + (conditions.isEmpty() ? "" : ", " + conditions) + ")";
    }
}
