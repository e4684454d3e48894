package io.quarry.repository.support;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.Names;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.repository.Example;
import io.quarry.repository.ExampleMatcher;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.sql.Column;
import io.quarry.sql.Predicate;
import io.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an {@link Example} into SQL-layer conditions, as Spring Data JPA's
 * {@code QueryByExamplePredicateBuilder} does: every mapped property of the probe in model order
 * (id, version and primitives included when set; a primitive is always set, so an {@code int} 0
 * means {@code = 0} unless its path is ignored), after the path's transformer; a null is left out
 * or, with {@link ExampleMatcher.NullHandler#INCLUDE}, IS NULL; a String compared by its path's
 * matcher and case rule; a to-one reference holding an object compared through that object's own
 * properties (a LEFT JOIN path such as {@code datacenter.name}); collections are left out. Matcher
 * paths are checked against the model first, so a misspelt path fails with the nearest name
 * instead of being ignored. Stateless apart from its models; thread-safe.
 */
final class ExampleCriteria {

    private final EntityModel<?> model;
    private final ModelRegistry models;

    ExampleCriteria(EntityModel<?> model, ModelRegistry models) {
        this.model = model;
        this.models = models;
    }

    /** The conditions of {@code example}, or {@code null} when it sets none (every row matches, in ANY mode too). */
    Predicate where(Example<?> example, String method) {
        if (example == null) {
            throw new InvalidArgumentException(method + "(null): an Example is required; Example.of(new "
                    + model.type().getSimpleName() + "()) matches every row");
        }
        Object probe = example.getProbe();
        if (!model.type().isInstance(probe)) {
            throw new InvalidArgumentException(method + ": the example's probe is a " + probe.getClass().getSimpleName()
                    + ", but this repository reads " + model.type().getSimpleName() + "; build the example from a "
                    + model.type().getSimpleName() + ", or call the repository of " + probe.getClass().getSimpleName());
        }
        ExampleMatcher matcher = example.getMatcher();
        checkPaths(matcher, method);
        List<Predicate> conditions = new ArrayList<>();
        collect(conditions, "", model, probe, matcher, new ArrayList<>(List.of(probe)), method);
        if (conditions.isEmpty()) {
            return null;
        }
        return matcher.isAllMatching() ? Sql.and(conditions) : Sql.or(conditions);
    }

    private void collect(List<Predicate> conditions, String prefix, EntityModel<?> entity, Object probe,
            ExampleMatcher matcher, List<Object> reached, String method) {
        for (PropertyModel property : entity.properties()) {
            String path = prefix + property.name();
            if (matcher.isIgnoredPath(path)) {
                continue;
            }
            RelationModel reference = property.reference();
            Object raw = reference != null ? reference.get(probe) : property.get(probe);
            Optional<Object> value = matcher.getValueTransformerForPath(path).apply(Optional.ofNullable(raw));
            Column<Object> column = Sql.col(path);
            if (value == null || value.isEmpty()) {
                if (matcher.getNullHandler() == ExampleMatcher.NullHandler.INCLUDE) {
                    conditions.add(column.isNull());
                }
                continue;
            }
            Object given = value.get();
            if (reference != null && reference.target().isInstance(given)) {
                if (reached.stream().anyMatch(seen -> seen == given)) {
                    throw new InvalidArgumentException(method + ": the probe's path '" + path + "' leads back to an "
                            + "object it came from; an example cannot compare a cycle. Set only the properties to "
                            + "compare, or ignore the path with withIgnorePaths(\"" + path + "\")");
                }
                reached.add(given);
                collect(conditions, path + ".", models.model(reference.target()), given, matcher, reached, method);
                reached.remove(reached.size() - 1);
            } else if (property.javaType() == String.class && given instanceof String text) {
                conditions.add(compare(column, text, matcher.getStringMatcherForPath(path),
                        matcher.isIgnoreCaseForPath(path)));
            } else {
                conditions.add(column.eq(given));
            }
        }
    }

    private static Predicate compare(Column<Object> column, String text, ExampleMatcher.StringMatcher how,
            boolean ignoreCase) {
        return switch (how) {
            case DEFAULT, EXACT -> ignoreCase ? column.eqIgnoreCase(text) : column.eq(text);
            case STARTING -> ignoreCase ? column.startsWithIgnoreCase(text) : column.startsWith(text);
            case ENDING -> ignoreCase ? column.endsWithIgnoreCase(text) : column.endsWith(text);
            case CONTAINING -> ignoreCase ? column.containsIgnoreCase(text) : column.contains(text);
            case REGEX -> ignoreCase ? column.matchesRegexIgnoreCase(text) : column.matchesRegex(text);
        };
    }

    /** Every path the matcher names must be a property, or a path of to-one relations ending in one. */
    private void checkPaths(ExampleMatcher matcher, String method) {
        for (String path : matcher.getPropertySpecifiers().keySet()) {
            checkPath(path, method);
        }
        for (String path : matcher.getIgnoredPaths()) {
            checkPath(path, method);
        }
    }

    private void checkPath(String path, String method) {
        String[] steps = path.split("\\.", -1);
        EntityModel<?> current = model;
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            String where = i == 0 ? "" : " (" + String.join(".", java.util.Arrays.copyOf(steps, i)) + " reaches "
                    + current.type().getSimpleName() + ")";
            if (i == steps.length - 1) {
                // a collection may be named (ignored, as Spring Data allows); examples leave collections out anyway
                if (current.findProperty(step) == null && current.findRelation(step) == null) {
                    throw new InvalidArgumentException(method + ": the ExampleMatcher names '" + path + "', but '"
                            + step + "' is not a property of " + current.type().getSimpleName() + where
                            + Names.didYouMean(step, names(current)) + "; name a property, or a path through to-one "
                            + "relations such as \"datacenter.name\"");
                }
                return;
            }
            RelationModel relation = current.findRelation(step);
            if (relation == null || relation.isCollection()) {
                throw new InvalidArgumentException(method + ": the ExampleMatcher names '" + path + "', but '" + step
                        + "' is not a to-one relation of " + current.type().getSimpleName() + where
                        + (relation == null ? Names.didYouMean(step, names(current))
                                : "; an example leaves collections out, so a path through one matches nothing"));
            }
            current = models.model(relation.target());
        }
    }

    private static List<String> names(EntityModel<?> entity) {
        return entity.properties().stream().map(PropertyModel::name).toList();
    }
}
