package io.quarry.repository.query.derived;

import io.quarry.mapping.EntityModel;
import io.quarry.repository.LockMode;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.ResultShape;
import io.quarry.repository.query.parse.PartTree;
import io.quarry.repository.query.parse.PropertyPaths;
import java.util.List;

/**
 * Start-up rules of derived methods that lock or remove rows and hand them back: what {@code @Lock} can
 * lock plainly, and which delete methods return the entities they remove. Stateless.
 */
final class LockRules {

    private LockRules() {
    }

    /** {@code @Lock} on what can be locked plainly: a find, without DISTINCT, without joins to other tables. */
    static void check(PartTree tree, List<List<Criteria.Condition>> conditions, LockMode lock, PropertyPaths paths) {
        String annotation = "@Lock(" + lock + ")";
        if (tree.verb() != PartTree.Verb.FIND) {
            throw new InvalidQueryMethodException(annotation + " locks the rows a find method reads; a "
                    + tree.verb().name().toLowerCase(java.util.Locale.ROOT) + " query returns none to lock. Remove it, "
                    + "or lock with a findBy method in the same transaction");
        }
        if (tree.isDistinct()) {
            throw new InvalidQueryMethodException(annotation + " cannot lock the rows of a Distinct query (PostgreSQL "
                    + "refuses to lock rows it folds together); drop Distinct or the lock");
        }
        for (List<Criteria.Condition> and : conditions) {
            for (Criteria.Condition condition : and) {
                if (!condition.path().isDirect() && !condition.path().throughCollection()) {
                    throw new InvalidQueryMethodException(annotation + " on a condition through a reference ('"
                            + condition.path().dotted() + "') would lock a joined row too, and PostgreSQL refuses to "
                            + "lock the nullable side of an outer join; filter by the foreign key instead ("
                            + condition.path().relations().get(0).name() + "Id, or the entity itself)");
                }
            }
        }
        for (String name : tree.orderBy().stream().map(PartTree.OrderItem::property).toList()) {
            if (!paths.resolve(name).isDirect()) {
                throw new InvalidQueryMethodException(annotation + " with OrderBy through a reference ('" + name
                        + "') would join and lock another table; order by the entity's own properties");
            }
        }
    }

    /** Whether a delete returns the entities it removes ({@code List<T> deleteBy...}, {@code Optional<T>}, {@code T}). */
    static boolean returnsDeleted(PartTree tree, ResultShape result, EntityModel<?> model) {
        return tree.verb() == PartTree.Verb.DELETE && !result.dynamic() && result.element() == model.type()
                && (result.kind() == ResultShape.Kind.LIST || result.kind() == ResultShape.Kind.ONE
                        || result.kind() == ResultShape.Kind.OPTIONAL);
    }
}
