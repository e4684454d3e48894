package io.quarry.repository.query.parse;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A property a method name reaches from the repository's entity, through relations when the name
 * says so ({@code datacenterRegion}, {@code datacenter_Region}, {@code tagsName}): the relations in
 * the order walked, and the property at the end. Found by {@link PropertyPaths}. Immutable.
 *
 * @param root the repository's entity
 * @param relations the relations walked, none for a property of {@code root}
 * @param property the property at the end, a column of the last relation's target
 */
public record PropertyPath(EntityModel<?> root, List<RelationModel> relations, PropertyModel property) {

    public PropertyPath {
        relations = List.copyOf(relations);
    }

    /** Whether the property is a column of the repository's entity. */
    public boolean isDirect() {
        return relations.isEmpty();
    }

    /** Whether some relation of the path is a collection (so it can only be filtered by EXISTS). */
    public boolean throughCollection() {
        return relations.stream().anyMatch(RelationModel::isCollection);
    }

    /** The relation names and the property joined with dots: {@code datacenter.region}. */
    public String dotted() {
        List<String> names = new ArrayList<>();
        relations.forEach(relation -> names.add(relation.name()));
        names.add(property.name());
        return String.join(".", names);
    }

    /** The path from the entity's class: {@code Host.datacenter.region}. */
    public String describe() {
        return root.type().getSimpleName() + "." + dotted();
    }

    @Override
    public String toString() {
        return describe();
    }
}
