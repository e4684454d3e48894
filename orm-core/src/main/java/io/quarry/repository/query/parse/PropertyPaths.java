package io.quarry.repository.query.parse;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.Names;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.repository.query.InvalidQueryMethodException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@link PropertyPath} a name of a method refers to, as Spring Data's {@code PropertyPath}
 * does: {@code _} (or {@code .}) splits the name into steps; within a step the whole camel-case name
 * is tried first, then the name is cut before its last capital and the head tried with the rest
 * following it (so {@code datacenterRegion} is a property of that name if one exists, else
 * {@code datacenter.region}); once a head is found, the rest must resolve from there. A name that
 * does not resolve reports the failure that got furthest, with the nearest name of its entity.
 * Stateless.
 */
public final class PropertyPaths {

    private static final Pattern LAST_WORD = Pattern.compile("\\p{Lu}[^\\p{Lu}]*$");
    private static final Pattern DELIMITER = Pattern.compile("[_.]");

    private final ModelRegistry models;
    private final EntityModel<?> root;

    public PropertyPaths(ModelRegistry models, EntityModel<?> root) {
        this.models = models;
        this.root = root;
    }

    /** The path {@code name} refers to, or null. */
    public PropertyPath find(String name) {
        try {
            return walk(name);
        } catch (Unresolved e) {
            return null;
        }
    }

    /** The path {@code name} refers to; an {@link InvalidQueryMethodException} naming the step that failed otherwise. */
    public PropertyPath resolve(String name) {
        try {
            return walk(name);
        } catch (Unresolved e) {
            throw new InvalidQueryMethodException(e.getMessage());
        }
    }

    /**
     * The path a condition ({@code methodPart} of the method name) refers to. When a column is
     * followed by more text ({@code hostnameFuzzy}), that text is a word that is not a keyword: say so
     * and list the nearest keywords.
     */
    public PropertyPath resolveCondition(String name, String methodPart) {
        try {
            return walk(name);
        } catch (Unresolved e) {
            if (e.column == null) {
                throw new InvalidQueryMethodException(e.getMessage());
            }
            List<String> keywords = new ArrayList<>();
            for (Part.Type type : Part.Type.MATCH_ORDER) {
                keywords.addAll(type.keywords());
            }
            keywords.addAll(List.of("IgnoreCase", "AllIgnoreCase", "OrderBy", "And", "Or"));
            throw new InvalidQueryMethodException("'" + e.rest + "' after the property '" + e.column + "' (in '"
                    + methodPart + "') is not a keyword; the nearest keywords are "
                    + String.join(", ", Names.nearest(e.rest, keywords, 3)) + " (Spring Data's query keywords)");
        }
    }

    private PropertyPath walk(String name) {
        // a property or column of that very name first: columns may contain underscores (ip_addr)
        PropertyModel whole = PropertyNames.find(root, name);
        if (whole != null) {
            return new PropertyPath(root, List.of(), whole);
        }
        String[] steps = DELIMITER.split(name, -1);
        List<RelationModel> relations = List.of();
        EntityModel<?> current = root;
        for (int i = 0; i < steps.length; i++) {
            if (steps[i].isEmpty()) {
                throw new Unresolved(relations.size(), "'" + name + "' has an empty step; separate relations and "
                        + "properties with single underscores, e.g. datacenter_Region", false);
            }
            boolean last = i == steps.length - 1;
            Walked walked = create(Part.uncapitalize(steps[i]), current, "", relations, !last);
            if (last) {
                return shortened(walked);
            }
            relations = walked.relations();
            current = models.model(relations.get(relations.size() - 1).target());
        }
        throw new IllegalStateException("unreachable");
    }

    /** {@code datacenter.id} is the foreign key {@code datacenter}: no join needed. */
    private PropertyPath shortened(Walked walked) {
        List<RelationModel> relations = walked.relations();
        if (!relations.isEmpty()) {
            RelationModel last = relations.get(relations.size() - 1);
            if (last.isReference() && walked.property().isId()) {
                return new PropertyPath(root, relations.subList(0, relations.size() - 1), last.foreignKey());
            }
        }
        return new PropertyPath(root, relations, walked.property());
    }

    /** What a step walked: the relations so far and the property it ended at (null: it ended at a relation). */
    private record Walked(List<RelationModel> relations, PropertyModel property) {
    }

    /**
     * Resolves {@code source} on {@code model}, then {@code tail} from where it leads; {@code more}:
     * another step follows, so the walk must end at a relation.
     */
    private Walked create(String source, EntityModel<?> model, String tail, List<RelationModel> base, boolean more) {
        PropertyModel property = PropertyNames.find(model, source);
        RelationModel relation = property != null ? property.reference() : relation(model, source);
        if (property != null || relation != null) {
            if (tail.isEmpty() && !more) {
                if (property == null) {
                    throw new Unresolved(base.size(), where(base) + "." + relation.name() + " is a collection, which "
                            + "has no column; name one of its properties after it, e.g. " + source + example(relation),
                            false);
                }
                return new Walked(base, property);
            }
            if (relation == null) {
                throw new Unresolved(base.size() + 1, where(base) + "." + property.name() + " is a column, not a "
                        + "relation; " + (tail.isEmpty() ? "no step can follow it" : "'" + tail + "' cannot follow it"),
                        false, tail.isEmpty() ? null : dotted(base, property.name()), tail);
            }
            List<RelationModel> walked = new ArrayList<>(base);
            walked.add(relation);
            if (tail.isEmpty()) {
                return new Walked(walked, null);
            }
            return create(Part.uncapitalize(tail), models.model(relation.target()), "", walked, more);
        }
        Unresolved failure = unknown(source, model, base);
        Matcher matcher = LAST_WORD.matcher(source);
        if (matcher.find() && matcher.start() != 0) {
            try {
                return create(source.substring(0, matcher.start()), model, source.substring(matcher.start()) + tail,
                        base, more);
            } catch (Unresolved e) {
                throw e.depth > failure.depth || e.depth == failure.depth && e.suggests && !failure.suggests
                        ? e : failure;
            }
        }
        throw failure;
    }

    private static RelationModel relation(EntityModel<?> model, String name) {
        RelationModel exact = model.findRelation(name);
        if (exact != null) {
            return exact;
        }
        RelationModel found = null;
        for (RelationModel relation : model.relations()) {
            if (relation.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                if (found != null) {
                    return null;
                }
                found = relation;
            }
        }
        return found;
    }

    private Unresolved unknown(String name, EntityModel<?> model, List<RelationModel> base) {
        List<String> names = new ArrayList<>();
        model.properties().forEach(property -> names.add(property.name()));
        model.relations().stream().filter(RelationModel::isCollection).forEach(relation -> names.add(relation.name()));
        String hint = Names.didYouMean(name, names);
        String what = base.isEmpty() ? "No property '" + name + "' in entity " + model.type().getSimpleName()
                : "No property '" + name + "' on " + model.type().getSimpleName() + " (reached through "
                        + where(base) + ")";
        return new Unresolved(base.size(), what + hint, hint.startsWith("; did you mean"));
    }

    /** {@code Host} or {@code Host.datacenter}: how the walk got where it is. */
    private String where(List<RelationModel> base) {
        StringBuilder where = new StringBuilder(root.type().getSimpleName());
        base.forEach(relation -> where.append('.').append(relation.name()));
        return where.toString();
    }

    /** A column of the relation's target to name in an example: its first that is not the id. */
    private String example(RelationModel relation) {
        return models.model(relation.target()).properties().stream().filter(property -> !property.isId())
                .map(property -> capitalize(property.name())).findFirst().orElse("Id");
    }

    private static String dotted(List<RelationModel> base, String last) {
        StringBuilder dotted = new StringBuilder();
        base.forEach(relation -> dotted.append(relation.name()).append('.'));
        return dotted.append(last).toString();
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A name that did not resolve; {@code depth}: how many relations were walked before it failed. */
    private static final class Unresolved extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int depth;
        private final boolean suggests;
        /** The column followed by more text, or null. */
        private final String column;
        private final String rest;

        Unresolved(int depth, String message, boolean suggests) {
            this(depth, message, suggests, null, null);
        }

        Unresolved(int depth, String message, boolean suggests, String column, String rest) {
            super(message, null, false, false);
            this.depth = depth;
            this.suggests = suggests;
            this.column = column;
            this.rest = rest;
        }
    }
}
